package io.isthmus.model;

/**
 * A technique id that the ATT&CK for ICS catalog cannot resolve, with the reason as a value so that
 * a rule loader can tell a typo from a technique MITRE has retired.
 */
public final class UnknownTechniqueException extends IllegalArgumentException {
    /** Why the id was not resolved. */
    public enum Reason {
        /** Not of the form {@code T} and four digits. */
        MALFORMED,
        /** Well formed, but never an ATT&CK for ICS technique (or an Enterprise/Mobile one). */
        NOT_IN_CATALOG,
        /** Was an ATT&CK for ICS technique and has been deprecated or revoked by MITRE. */
        DEPRECATED
    }

    private final String id;
    private final Reason reason;

    UnknownTechniqueException(String id, Reason reason, String message) {
        super(message);
        this.id = id;
        this.reason = reason;
    }

    /** The id as given, unchanged. */
    public String id() {
        return id;
    }

    public Reason reason() {
        return reason;
    }
}
