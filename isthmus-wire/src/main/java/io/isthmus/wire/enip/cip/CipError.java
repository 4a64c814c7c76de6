package io.isthmus.wire.enip.cip;

import io.isthmus.wire.Anomaly;

/** What can be wrong with a CIP message or its request path, with its stable anomaly code. */
public enum CipError {
    /** Fewer octets than the service code and path size (or a reply's status fields) need. */
    TRUNCATED("cip_truncated"),
    /** The request path size claims more words than the message holds. */
    PATH_EXCEEDS_FRAME("cip_path_exceeds_frame"),
    /** A path segment is reserved, malformed or runs past the end of the path. */
    PATH_SEGMENT_INVALID("cip_path_segment_invalid"),
    /** More path segments than the limit allows. */
    PATH_TOO_MANY_SEGMENTS("cip_path_too_many_segments"),
    /** A Multiple Service Packet lists more services than the limit allows. */
    SERVICE_COUNT_EXCEEDS_LIMIT("cip_service_count_exceeds_limit"),
    /** A Multiple Service Packet lists more services (offsets) than the message holds. */
    SERVICE_COUNT_EXCEEDS_FRAME("cip_service_count_exceeds_frame"),
    /** A Multiple Service Packet offset points outside the message or backwards. */
    SERVICE_OFFSET_INVALID("cip_service_offset_invalid"),
    /** An Unconnected Send's embedded message claims more octets than it holds. */
    EMBEDDED_LENGTH_EXCEEDS_FRAME("cip_embedded_length_exceeds_frame"),
    /** Multiple Service Packets and Unconnected Sends nested deeper than the limit allows. */
    NESTING_TOO_DEEP("cip_nesting_too_deep");

    private final String code;

    CipError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Anomaly anomaly(String detail) {
        return new Anomaly(code, detail);
    }
}
