package io.isthmus.wire.modbus;

/**
 * Why bytes inside a well-framed ADU are not a Modbus PDU (Modbus Application Protocol
 * Specification V1.1b3, sections 4.1 and 6). The framing is intact, so a server can still answer
 * (with an exception response) and keep the connection.
 */
public enum PduError {
    EMPTY("empty PDU"),
    TOO_LONG("PDU longer than the maximum PDU size"),
    INVALID_FUNCTION_CODE("function code 0, or the exception bit set in a request"),
    TRUNCATED("PDU ends inside a field"),
    TRAILING_BYTES("bytes after the last field of the function"),
    BYTE_COUNT_MISMATCH("a byte count or length field disagrees with the bytes it counts"),
    ODD_LENGTH("register data of an odd number of bytes"),
    INVALID_FIELD("a field holds a value its encoding does not allow"),
    RESERVED_MEI_TYPE("MEI type other than 13 (CANopen) or 14 (device identification)"),
    UNKNOWN_EXCEPTION_CODE("exception code not defined in section 7"),
    LIMIT_EXCEEDED("a count above the configured Modbus limits");

    private final String description;

    PduError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
