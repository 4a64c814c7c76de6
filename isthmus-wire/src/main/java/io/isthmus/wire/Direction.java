package io.isthmus.wire;

/** Which way an application message travels: from the client/master (request) or back (response). */
public enum Direction {
    REQUEST,
    RESPONSE;

    public String id() {
        return this == REQUEST ? "request" : "response";
    }
}
