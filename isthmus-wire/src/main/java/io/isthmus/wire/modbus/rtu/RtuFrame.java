package io.isthmus.wire.modbus.rtu;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One RTU application data unit: the server address and the PDU; the CRC is computed on encoding
 * and checked on decoding, so a frame value is always consistent.
 *
 * @param unitId the serial-line address (0 broadcast, 1..247 servers)
 * @param pdu function code and data; copied in and out
 */
public record RtuFrame(int unitId, byte[] pdu) {
    public RtuFrame {
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be 0..255, was " + unitId);
        }
        if (pdu.length < 1 || pdu.length > RtuCodec.MAX_PDU) {
            throw new IllegalArgumentException("PDU must be 1.." + RtuCodec.MAX_PDU + " bytes, was " + pdu.length);
        }
        pdu = pdu.clone();
    }

    @Override
    public byte[] pdu() {
        return pdu.clone();
    }

    /** A read-only view of the PDU for {@code ModbusPduCodec}, without copying. */
    public ByteBuffer pduBuffer() {
        return ByteBuffer.wrap(pdu).asReadOnlyBuffer();
    }

    /** Bytes on the wire: address, PDU, two CRC bytes. */
    public int encodedLength() {
        return pdu.length + 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtuFrame f && unitId == f.unitId && Arrays.equals(pdu, f.pdu);
    }

    @Override
    public int hashCode() {
        return 31 * unitId + Arrays.hashCode(pdu);
    }

    @Override
    public String toString() {
        return "RtuFrame[unit=" + unitId + ", pdu=" + HexFormatHolder.HEX.formatHex(pdu) + "]";
    }

    private static final class HexFormatHolder {
        static final java.util.HexFormat HEX = java.util.HexFormat.ofDelimiter(" ");
    }
}
