package io.isthmus.wire.s7.s7comm;

/**
 * The S7comm header: protocol id 0x32, PDU type (ROSCTR), a reserved redundancy id, the PDU
 * reference that pairs an ack with its job, and the lengths of the parameter and data parts that
 * follow. Ack and Ack_Data add an error class and code.
 *
 * @param length 10, or 12 for Ack and Ack_Data
 */
public record S7Header(
        Rosctr rosctr,
        int rosctrCode,
        int pduReference,
        int parameterLength,
        int dataLength,
        S7ErrorClass errorClass,
        int errorClassCode,
        int errorCode,
        int length) {

    /** Protocol id of S7comm in the first octet. */
    public static final int PROTOCOL_ID = 0x32;

    /** Octets of the header of a job or userdata PDU. */
    public static final int SHORT_LENGTH = 10;

    /** Octets of the header of an ack or ack_data PDU. */
    public static final int LONG_LENGTH = 12;

    /** The 16-bit error, class in the high octet: {@code 0x8104} and the like. 0 for success. */
    public int error() {
        return (errorClassCode << 8) | errorCode;
    }
}
