package io.isthmus.wire.modbus;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Modbus/TCP application data unit: the MBAP header and the PDU it carries, still as bytes.
 *
 * <p>The frame does not say whether the PDU is a request or a response; the caller knows its side
 * of the connection and hands the PDU to {@link ModbusPduCodec#decodeRequest} or {@link
 * ModbusPduCodec#decodeResponse}.
 *
 * @param header the MBAP header; its length equals {@code pdu.length + 1}
 * @param pdu the protocol data unit (function code and data); copied in and out
 */
public record MbapFrame(MbapHeader header, byte[] pdu) {

    public MbapFrame {
        Objects.requireNonNull(header, "header");
        pdu = pdu.clone();
        if (header.length() != pdu.length + 1) {
            throw new IllegalArgumentException(
                    "MBAP length " + header.length() + " does not match a PDU of " + pdu.length + " bytes");
        }
    }

    /** A Modbus frame (protocol id 0) around {@code pdu}. */
    public static MbapFrame of(int transactionId, int unitId, byte[] pdu) {
        return new MbapFrame(MbapHeader.forPdu(transactionId, unitId, pdu.length), pdu);
    }

    @Override
    public byte[] pdu() {
        return pdu.clone();
    }

    /** A read-only view of the PDU, for the PDU decoder, without copying. */
    public ByteBuffer pduBuffer() {
        return ByteBuffer.wrap(pdu).asReadOnlyBuffer();
    }

    public int transactionId() {
        return header.transactionId();
    }

    public int unitId() {
        return header.unitId();
    }

    /** Bytes this frame occupies on the wire. */
    public int encodedLength() {
        return ModbusLimits.MBAP_HEADER_LENGTH + pdu.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MbapFrame f && header.equals(f.header) && Arrays.equals(pdu, f.pdu);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(pdu);
    }

    @Override
    public String toString() {
        return "MbapFrame[" + header + ", pdu=" + Fields.hex(pdu) + "]";
    }
}
