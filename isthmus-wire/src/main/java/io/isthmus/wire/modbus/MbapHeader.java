package io.isthmus.wire.modbus;

/**
 * The MODBUS Application Protocol header in front of every PDU on TCP (Modbus Messaging on TCP/IP
 * Implementation Guide V1.0b, section 3.1.3).
 *
 * @param transactionId pairs a response with its request; echoed by the server
 * @param protocolId 0 for Modbus; anything else is not Modbus
 * @param length number of following bytes: unit identifier plus PDU
 * @param unitId the addressed device behind a gateway; 0xFF when the device is addressed by IP alone
 */
public record MbapHeader(int transactionId, int protocolId, int length, int unitId) {

    /** The only protocol identifier of Modbus. */
    public static final int MODBUS_PROTOCOL_ID = 0;

    public MbapHeader {
        Fields.requireU16("transactionId", transactionId);
        Fields.requireU16("protocolId", protocolId);
        Fields.requireU16("length", length);
        Fields.requireU8("unitId", unitId);
    }

    /** The header in front of a PDU of {@code pduLength} bytes. */
    public static MbapHeader forPdu(int transactionId, int unitId, int pduLength) {
        return new MbapHeader(transactionId, MODBUS_PROTOCOL_ID, pduLength + 1, unitId);
    }
}
