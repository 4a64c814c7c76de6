package io.isthmus.wire.modbus;

import io.isthmus.wire.Octets;

/**
 * Written values as a short printable list for a summary attribute: at most {@link #MAX_VALUES}
 * values, then the count of the rest, so an attribute stays small whatever the frame holds.
 */
final class WrittenValues {
    /** How many values an attribute lists before it only counts. */
    static final int MAX_VALUES = 16;

    private WrittenValues() {}

    static String registers(Registers values) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(values.size(), MAX_VALUES);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(values.get(i));
        }
        return rest(b, values.size() - n);
    }

    /** {@link #registers(Registers)} of the {@code count} registers at index {@code at} of {@code b}, all present. */
    static String registers(byte[] b, int at, int count) {
        StringBuilder t = new StringBuilder();
        int n = Math.min(count, MAX_VALUES);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                t.append(',');
            }
            t.append(Octets.u16be(b, at + 2 * i));
        }
        return rest(t, count - n);
    }

    static String coils(PackedBits values, int quantity) {
        int available = values.byteCount() * 8;
        int total = Math.min(quantity, available);
        int n = Math.min(total, MAX_VALUES);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(values.get(i) ? '1' : '0');
        }
        return rest(b, total - n);
    }

    private static String rest(StringBuilder b, int more) {
        if (more > 0) {
            b.append(",...(+").append(more).append(')');
        }
        return b.toString();
    }
}
