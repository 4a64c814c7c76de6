package io.isthmus.wire.iec104.asdu;

/**
 * The groups of type identifications in IEC 60870-5-101 clause 7.2.1, which
 * decide what an ASDU does to a station.
 */
public enum TypeCategory {
    /** Process information in monitor direction (1–44, and 70 end of initialisation). */
    MONITOR,
    /** Switching commands: single, double, regulating step (45–47, 58–60). */
    SWITCHING_COMMAND,
    /** Set-point and bitstring commands that write a value (48–51, 61–64). */
    SETPOINT_COMMAND,
    /** Interrogation, counter interrogation and read (100–102). */
    INTERROGATION,
    /** Clock synchronisation (103). */
    CLOCK_SYNC,
    /** Reset process (105). */
    RESET,
    /** Test and delay acquisition commands (104, 106, 107). */
    TEST,
    /** Parameters of measured values and parameter activation (110–113). */
    PARAMETER,
    /** File transfer (120–127). */
    FILE_TRANSFER,
    /** A type identification the standard does not define. */
    UNKNOWN
}
