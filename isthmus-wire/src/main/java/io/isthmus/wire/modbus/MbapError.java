package io.isthmus.wire.modbus;

/**
 * Why bytes are not a Modbus/TCP frame (Modbus Messaging on TCP/IP Implementation Guide V1.0b,
 * section 3.1.3). After any of these the byte stream cannot be re-synchronised: the length field
 * is the only framing, so a server closes the connection and a sensor flags the flow.
 */
public enum MbapError {
    /** The protocol identifier is not 0: this is not Modbus. */
    PROTOCOL_ID_NOT_ZERO("protocol identifier is not 0"),
    /** The length field is below 2: there is no room for a unit identifier and a function code. */
    LENGTH_TOO_SHORT("MBAP length below 2 (unit id + function code)"),
    /** The length field exceeds the unit identifier plus the largest PDU of the limits. */
    LENGTH_TOO_LONG("MBAP length above unit id + maximum PDU");

    private final String description;

    MbapError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
