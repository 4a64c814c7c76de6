package io.isthmus.model;

/**
 * How urgently an event needs a person. One scale for alerts, faults and access decisions, mapped
 * to the scales of the systems events are forwarded to.
 */
public enum Severity {
    /** Worth recording, needs no action: an asset appeared, a session was approved. */
    INFO,
    /** Unusual but expected to be benign: a new read-only client. */
    LOW,
    /** Needs a look during the shift: a policy violation without process effect. */
    MEDIUM,
    /** Needs a look now: an unauthorised write, a program download. */
    HIGH,
    /** The process or safety is at stake: a controller stopped, firmware changed. */
    CRITICAL;

    /** 0 (INFO) to 4 (CRITICAL), for ordering and thresholds. */
    public int rank() {
        return ordinal();
    }

    public boolean isAtLeast(Severity threshold) {
        return rank() >= threshold.rank();
    }

    /**
     * The syslog severity (RFC 5424, 6.2.1; lower is more severe): CRITICAL is Critical (2), HIGH
     * Error (3), MEDIUM Warning (4), LOW Notice (5), INFO Informational (6). Emergency and Alert are
     * left to the host itself being unusable.
     */
    public int syslogSeverity() {
        return switch (this) {
            case CRITICAL -> 2;
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
            case INFO -> 6;
        };
    }

    /**
     * The CEF severity, 0 to 10 (ArcSight Common Event Format: 0-3 Low, 4-6 Medium, 7-8 High, 9-10
     * Very-High).
     */
    public int cefSeverity() {
        return switch (this) {
            case INFO -> 0;
            case LOW -> 3;
            case MEDIUM -> 5;
            case HIGH -> 8;
            case CRITICAL -> 10;
        };
    }
}
