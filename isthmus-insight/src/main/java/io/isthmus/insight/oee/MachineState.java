package io.isthmus.insight.oee;

/**
 * The machine states the virtual factory's PLCs report in their {@code state} register (PackML-like
 * codes 0–4), plus {@link #UNKNOWN} for no data, a bad-quality reading or an unknown code.
 */
public enum MachineState {
    STOPPED(0, "stopped"),
    RUNNING(1, "running"),
    IDLE(2, "idle (starved or blocked)"),
    FAULTED(3, "faulted"),
    MAINTENANCE(4, "maintenance"),
    UNKNOWN(-1, "no data");

    private final int code;
    private final String description;

    MachineState(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The state for a register value; codes outside 0–4 are {@link #UNKNOWN}. */
    public static MachineState ofCode(long code) {
        for (MachineState s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** Lower-case name used in reports and JSON, e.g. {@code "maintenance"}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
