package io.isthmus.insight.oee;

/**
 * What a machine (or the line) is doing, as far as losses go: its state, the fault code while
 * faulted (0 otherwise), and which machine it is (for the line: the machine that holds it).
 */
record Condition(MachineState state, int faultCode, String machine) {
    static Condition of(MachineState state, int faultCode, String machine) {
        return new Condition(state, state == MachineState.FAULTED ? faultCode : 0, machine);
    }

    boolean running() {
        return state == MachineState.RUNNING;
    }
}
