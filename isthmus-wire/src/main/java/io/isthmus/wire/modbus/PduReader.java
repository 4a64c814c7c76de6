package io.isthmus.wire.modbus;

import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Absolute big-endian reads over one PDU, offsets counted from the function code. Callers check
 * {@link #length()} before reading, and every read checks it again (a read past the PDU throws,
 * however much array follows); the backing buffer's position is never moved. The octets are read
 * from an array ({@link Octets}), not through the buffer: under C1 (what {@code analyze} runs) a
 * buffer read costs its index and session checks, not inlined away.
 */
final class PduReader {
    private final byte[] array;
    private final int base;
    private final int length;

    PduReader(ByteBuffer pdu) {
        this(Octets.of(pdu), pdu.position(), pdu.remaining());
    }

    /** The {@code length} octets at index {@code base} of {@code array}. */
    PduReader(byte[] array, int base, int length) {
        Objects.checkFromIndexSize(base, length, array.length);
        this.array = array;
        this.base = base;
        this.length = length;
    }

    int length() {
        return length;
    }

    int u8(int offset) {
        return array[base + Objects.checkIndex(offset, length)] & 0xFF;
    }

    int u16(int offset) {
        return (u8(offset) << 8) | u8(offset + 1);
    }

    /** Copies {@code count} bytes that the caller has checked are present. */
    byte[] bytes(int offset, int count) {
        Objects.checkFromIndexSize(offset, count, length);
        return Arrays.copyOfRange(array, base + offset, base + offset + count);
    }

    Registers registers(int offset, int count) {
        return Registers.fromBytes(bytes(offset, 2 * count));
    }
}
