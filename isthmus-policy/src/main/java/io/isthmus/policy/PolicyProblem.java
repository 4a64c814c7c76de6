package io.isthmus.policy;

import java.util.Objects;

/**
 * One thing wrong with a policy, tied to the zone or conduit it is about so that a file loader can
 * point at that entry's line.
 *
 * @param subject which kind of entry the problem is about
 * @param name the zone or conduit name
 */
public record PolicyProblem(Subject subject, String name, String message) {
    public enum Subject {
        ZONE,
        CONDUIT,
        /** A role of the access rules. */
        ROLE
    }

    public PolicyProblem {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return subject.name().toLowerCase(java.util.Locale.ROOT) + " " + name + ": " + message;
    }
}
