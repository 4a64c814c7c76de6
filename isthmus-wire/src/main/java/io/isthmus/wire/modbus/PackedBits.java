package io.isthmus.wire.modbus;

import java.util.Arrays;

/**
 * Coil or discrete-input states packed eight to a byte, exactly as on the wire: the first bit in
 * the least significant bit of the first byte, unused high bits of the last byte zero (Modbus
 * Application Protocol Specification V1.1b3, sections 6.1 and 6.11). Immutable.
 *
 * <p>The packed form holds no bit count: a response to a read of 10 coils carries 2 bytes, i.e. 16
 * bit positions. The count lives in the request ({@code quantity}).
 */
public final class PackedBits {
    private final byte[] bytes;

    private PackedBits(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Packs {@code bits} into {@code ceil(bits.length / 8)} bytes. */
    public static PackedBits pack(boolean... bits) {
        byte[] out = new byte[byteCountFor(bits.length)];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return new PackedBits(out);
    }

    /** The packed bytes as they appear on the wire. */
    public static PackedBits fromBytes(byte[] packed) {
        return new PackedBits(packed.clone());
    }

    /** Bytes needed for {@code quantity} bits. */
    public static int byteCountFor(int quantity) {
        return (quantity + 7) / 8;
    }

    public int byteCount() {
        return bytes.length;
    }

    /** The bit at {@code index} (0-based, up to {@code 8 * byteCount() - 1}). */
    public boolean get(int index) {
        return (bytes[index / 8] & (1 << (index % 8))) != 0;
    }

    /** The first {@code quantity} bits; {@code quantity} at most {@code 8 * byteCount()}. */
    public boolean[] unpack(int quantity) {
        if (quantity < 0 || quantity > bytes.length * 8) {
            throw new IllegalArgumentException("quantity " + quantity + " outside 0.." + bytes.length * 8);
        }
        boolean[] out = new boolean[quantity];
        for (int i = 0; i < quantity; i++) {
            out[i] = get(i);
        }
        return out;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedBits p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PackedBits[" + Fields.hex(bytes) + "]";
    }
}
