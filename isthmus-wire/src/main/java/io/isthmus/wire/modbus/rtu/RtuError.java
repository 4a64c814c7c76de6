package io.isthmus.wire.modbus.rtu;

/** Why bytes are not an RTU frame (Modbus over Serial Line Specification V1.02, section 2.5.1). */
public enum RtuError {
    /** The function code gives no way to know the frame's length (RTU has no length field). */
    UNFRAMEABLE_FUNCTION("function code whose frame length cannot be known without a length field"),
    /** A byte count would make the frame longer than the 256-byte RTU ADU. */
    LENGTH_TOO_LONG("byte count beyond the 256-byte RTU frame"),
    /** The two last bytes are not the CRC of the others. */
    CRC_MISMATCH("CRC-16 does not match the frame");

    private final String description;

    RtuError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
