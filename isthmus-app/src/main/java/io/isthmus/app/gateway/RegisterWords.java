package io.isthmus.app.gateway;

import io.isthmus.connect.config.ByteOrder;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.TagConfig;

/**
 * A value in engineering units turned into the holding registers a tag occupies, in the device's
 * word and byte order (the inverse of the Connect driver's {@code PointDecoder}): scaled back to the
 * raw number, rounded for integer types, range-checked, then laid out as {@link ByteOrder} says.
 * Modbus fixes big-endian bytes within a register (Application Protocol V1.1b3 section 4.2) but not
 * the order of registers, so a 32-bit value is two registers in the order the device table names.
 */
final class RegisterWords {
    private RegisterWords() {}

    /** The registers of {@code value}; {@link IllegalArgumentException} naming the tag when it does not fit. */
    static int[] of(TagConfig t, ModbusAddress.RegisterPoint r, double value) {
        double raw = (value - t.scaling().offset()) / t.scaling().scale();
        long bits = switch (r.type()) {
            case INT16 -> integer(t, raw, -32768, 32767);
            case UINT16 -> integer(t, raw, 0, 65535);
            case INT32 -> integer(t, raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32 -> integer(t, raw, 0, 0xFFFF_FFFFL);
            case FLOAT32 -> {
                if (!Double.isFinite(raw) || Math.abs(raw) > Float.MAX_VALUE) {
                    throw new IllegalArgumentException(t.path() + ": " + value + " is outside a float32's range");
                }
                yield Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL;
            }
            default ->
                throw new IllegalArgumentException(
                        t.path() + ": " + r.type().token() + " registers are not writable by the gateway");
        };
        return layout(bits, r.type().words(), r.order());
    }

    private static long integer(TagConfig t, double raw, long min, long max) {
        double rounded = Math.rint(raw);
        if (!(rounded >= min && rounded <= max)) {
            throw new IllegalArgumentException(t.path() + ": the value is outside the register's range");
        }
        return (long) rounded & (max > 0xFFFF || min < -32768 ? 0xFFFF_FFFFL : 0xFFFFL);
    }

    /** {@code bits} (most significant first, {@code words} registers wide) in the device's order. */
    static int[] layout(long bits, int words, ByteOrder order) {
        int[] out = new int[words];
        for (int i = 0; i < words; i++) {
            int w = (int) (bits >>> (16 * (words - 1 - i))) & 0xFFFF;
            boolean swap = order == ByteOrder.BADC || order == ByteOrder.DCBA;
            int word = swap ? ((w & 0xFF) << 8) | (w >>> 8) : w;
            int at = order == ByteOrder.CDAB || order == ByteOrder.DCBA ? words - 1 - i : i;
            out[at] = word;
        }
        return out;
    }
}
