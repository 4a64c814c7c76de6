package io.isthmus.wire.iec104;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.iec104.asdu.TypeId;

/**
 * What an ASDU type does to a station (IEC 60870-5-101 clause 7.2.1 groups the types):
 * monitor-direction data and interrogations read; switching commands and reset process change the
 * process state; set points, bitstrings, parameters and clock synchronisation write; file
 * transfer moves files (disturbance records, configuration); test commands are diagnostics.
 */
final class Iec104Access {
    private Iec104Access() {}

    static AccessKind of(TypeId type) {
        return switch (type.category()) {
            case MONITOR, INTERROGATION -> AccessKind.READ;
            case SWITCHING_COMMAND, RESET -> AccessKind.CONTROL;
            case SETPOINT_COMMAND, CLOCK_SYNC, PARAMETER -> AccessKind.WRITE;
            case FILE_TRANSFER -> AccessKind.PROGRAM;
            case TEST, UNKNOWN -> AccessKind.DIAGNOSTIC;
        };
    }
}
