package io.isthmus.wire.modbus;

import java.util.Arrays;

/** Big-endian writes into a PDU under construction, capped at the maximum PDU size. */
final class PduWriter {
    private final int maxPdu;
    private byte[] buffer = new byte[16];
    private int length;

    PduWriter(int maxPdu) {
        this.maxPdu = maxPdu;
    }

    PduWriter u8(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
        return this;
    }

    PduWriter u16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    PduWriter bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > maxPdu) {
            throw new IllegalArgumentException("PDU would exceed " + maxPdu + " bytes");
        }
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(maxPdu, Math.max(buffer.length * 2, length + more)));
        }
    }
}
