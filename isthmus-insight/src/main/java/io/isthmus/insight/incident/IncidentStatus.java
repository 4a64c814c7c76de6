package io.isthmus.insight.incident;

import java.util.Locale;

/** Where an incident is in its lifecycle. */
public enum IncidentStatus {
    /** Raised and nobody has taken it yet. */
    OPEN,
    /** Someone is on it. */
    ACKNOWLEDGED,
    /** Dealt with; a new matching event within the reopen window opens it again. */
    RESOLVED;

    /** {@code open}, {@code acknowledged}, {@code resolved}: as the API and journal write it. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #token()}; the error lists the accepted values. */
    public static IncidentStatus parse(String text) {
        for (IncidentStatus s : values()) {
            if (s.token().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown incident status '" + text + "'; expected open, acknowledged or resolved");
    }
}
