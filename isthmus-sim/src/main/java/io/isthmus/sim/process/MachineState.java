package io.isthmus.sim.process;

/** A machine's state as its PLC reports it in input register 0 (PackML-like, simplified). */
public enum MachineState {
    STOPPED(0),
    RUNNING(1),
    /** Run commanded but not producing: starved or blocked by a neighbour. */
    IDLE(2),
    FAULTED(3),
    MAINTENANCE(4);

    private final int code;

    MachineState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MachineState fromCode(int code) {
        for (MachineState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown machine state code " + code);
    }
}
