package io.isthmus.wire.s7.s7commplus;

/** What the sensor reads from the first frame of an S7comm-plus message (no deep parse). */
public sealed interface S7CommPlusFrame {

    /** Protocol version octet: 1, 2, 3, 0xFE (extended keep-alive) or 0xFF (keep-alive). */
    int version();

    /** A keep-alive: version 0xFF (4 octets with a sequence number) or 0xFE. */
    record KeepAlive(int version, int sequence) implements S7CommPlusFrame {}

    /**
     * A data frame: opcode, function code (-1 for notifications, which carry none) and sequence
     * number (-1 when absent); {@code trailer} is false when the message continues in the next
     * frames.
     */
    record Data(
            int version,
            int dataLength,
            S7CommPlusOpcode opcode,
            int opcodeCode,
            int function,
            int sequence,
            boolean trailer)
            implements S7CommPlusFrame {}
}
