package io.isthmus.wire.modbus;

import java.util.Arrays;

/**
 * An immutable sequence of 16-bit register values, big-endian on the wire (Modbus Application
 * Protocol Specification V1.1b3, section 4.2). Values read back unsigned (0..65535).
 */
public final class Registers {
    private static final Registers EMPTY = new Registers(new short[0]);

    private final short[] values;

    private Registers(short[] values) {
        this.values = values;
    }

    public static Registers empty() {
        return EMPTY;
    }

    /** Registers from signed or unsigned 16-bit values (-32768..65535). */
    public static Registers of(int... values) {
        short[] s = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < Short.MIN_VALUE || v > 0xFFFF) {
                throw new IllegalArgumentException("register value must be -32768..65535, was " + v);
            }
            s[i] = (short) v;
        }
        return new Registers(s);
    }

    public static Registers of(short[] values) {
        return new Registers(values.clone());
    }

    /** Registers from big-endian pairs of bytes; {@code bytes.length} must be even. */
    public static Registers fromBytes(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new IllegalArgumentException("register bytes must come in pairs, got " + bytes.length);
        }
        short[] s = new short[bytes.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
        }
        return new Registers(s);
    }

    public int size() {
        return values.length;
    }

    /** Bytes on the wire: two per register. */
    public int byteCount() {
        return values.length * 2;
    }

    /** The value at {@code index}, unsigned. */
    public int get(int index) {
        return values[index] & 0xFFFF;
    }

    public short getShort(int index) {
        return values[index];
    }

    public short[] toShortArray() {
        return values.clone();
    }

    public int[] toUnsignedArray() {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] & 0xFFFF;
        }
        return out;
    }

    /** Big-endian bytes, two per register. */
    public byte[] toBytes() {
        byte[] out = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            out[2 * i] = (byte) (values[i] >> 8);
            out[2 * i + 1] = (byte) values[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registers r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(toUnsignedArray());
    }
}
