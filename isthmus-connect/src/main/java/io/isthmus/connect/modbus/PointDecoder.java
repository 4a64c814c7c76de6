package io.isthmus.connect.modbus;

import io.isthmus.connect.config.ByteOrder;
import io.isthmus.connect.config.DataType;
import io.isthmus.connect.config.ModbusAddress.RegisterPoint;
import io.isthmus.connect.config.Scaling;
import io.isthmus.model.Value;
import java.nio.charset.StandardCharsets;

/**
 * Turns the registers of a point into its engineering value. Integers without scaling stay {@link
 * Value.Int}; scaled integers and floats become {@link Value.Real}; strings are ISO-8859-1 with
 * trailing NULs and spaces removed.
 */
public final class PointDecoder {
    private PointDecoder() {}

    /** Decodes {@code point} whose first register is {@code words[offset]}. */
    public static Value decode(RegisterPoint point, short[] words, int offset, Scaling scaling) {
        if (point.type() == DataType.STRING) {
            byte[] b = bytes(words, offset, point.words(), ByteOrder.ABCD);
            int n = Math.min(point.length(), b.length);
            while (n > 0 && (b[n - 1] == 0 || b[n - 1] == ' ')) {
                n--;
            }
            return Value.of(new String(b, 0, n, StandardCharsets.ISO_8859_1));
        }
        long bits = raw(point, words, offset);
        return switch (point.type()) {
            case INT16 -> integer((short) bits, scaling);
            case UINT16 -> integer(bits & 0xFFFF, scaling);
            case INT32 -> integer((int) bits, scaling);
            case UINT32 -> integer(bits & 0xFFFF_FFFFL, scaling);
            case FLOAT32 -> Value.of(scaling.apply(Float.intBitsToFloat((int) bits)));
            case FLOAT64 -> Value.of(scaling.apply(Double.longBitsToDouble(bits)));
            case STRING -> throw new IllegalStateException("handled above");
        };
    }

    private static Value integer(long raw, Scaling scaling) {
        return scaling.isIdentity() ? Value.of(raw) : Value.of(scaling.apply(raw));
    }

    /** The point's bytes as one big-endian number. */
    private static long raw(RegisterPoint point, short[] words, int offset) {
        int n = point.words();
        if (n == 1 && point.order() == ByteOrder.ABCD) {
            return words[offset] & 0xFFFF;
        }
        byte[] b = bytes(words, offset, n, point.order());
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    /** The bytes of {@code n} registers rearranged from {@code order} into most-significant-first. */
    private static byte[] bytes(short[] words, int offset, int n, ByteOrder order) {
        byte[] b = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            int w = switch (order) {
                case ABCD, BADC -> words[offset + i];
                case CDAB, DCBA -> words[offset + n - 1 - i];
            };
            boolean swap = order == ByteOrder.BADC || order == ByteOrder.DCBA;
            b[2 * i] = (byte) (swap ? w : w >> 8);
            b[2 * i + 1] = (byte) (swap ? w >> 8 : w);
        }
        return b;
    }
}
