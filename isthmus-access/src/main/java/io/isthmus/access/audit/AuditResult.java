package io.isthmus.access.audit;

import java.util.Arrays;
import java.util.Optional;

/** The event result of SR 2.8: what became of the request or action the record describes. */
public enum AuditResult {
    /** Done as asked. */
    SUCCESS("success"),
    /** Tried and failed (a driver error, a timeout, a bad password). */
    FAILURE("failure"),
    /** Refused by policy before anything was tried. */
    DENIED("denied"),
    /** Accepted and waiting (an action waiting for a second person's approval). */
    PENDING("pending");

    private final String token;

    AuditResult(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<AuditResult> parse(String token) {
        return Arrays.stream(values()).filter(r -> r.token.equals(token)).findFirst();
    }
}
