package io.isthmus.wire.modbus;

import java.nio.ByteBuffer;

/**
 * Absolute big-endian reads over one PDU, offsets counted from the function code. Callers check
 * {@link #length()} before reading; the backing buffer's position is never moved.
 */
final class PduReader {
    private final ByteBuffer buffer;
    private final int base;
    private final int length;

    PduReader(ByteBuffer pdu) {
        this.buffer = pdu;
        this.base = pdu.position();
        this.length = pdu.remaining();
    }

    int length() {
        return length;
    }

    int u8(int offset) {
        return buffer.get(base + offset) & 0xFF;
    }

    int u16(int offset) {
        return (u8(offset) << 8) | u8(offset + 1);
    }

    /** Copies {@code count} bytes that the caller has checked are present. */
    byte[] bytes(int offset, int count) {
        byte[] out = new byte[count];
        buffer.get(base + offset, out);
        return out;
    }

    Registers registers(int offset, int count) {
        return Registers.fromBytes(bytes(offset, 2 * count));
    }
}
