package io.isthmus.observe.detect;

import java.util.Arrays;

/**
 * Reads the {@code values} attribute dissectors write ({@code 1,0,1}, {@code 540},
 * {@code 0xff00}, {@code 1,2,...(+30)}): the listed values, without the count of unlisted ones.
 * Anything unreadable ends the list, so hostile text yields fewer values, never an error.
 */
final class WrittenValues {
    static final int MAX_VALUES = 64;

    private WrittenValues() {}

    static long[] parse(String text) {
        long[] out = new long[MAX_VALUES];
        return Arrays.copyOf(out, parse(text, out));
    }

    /**
     * Reads into {@code out} (at most its length, and at most {@link #MAX_VALUES}) and returns how
     * many values it read: every write request is read, so this cuts no substrings and throws no
     * exception for the unreadable item that ends a list (only for one too large).
     */
    static int parse(String text, long[] out) {
        int max = Math.min(out.length, MAX_VALUES);
        int n = 0;
        int start = 0;
        int length = text.length();
        while (n < max && length > 0) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            boolean hex = text.startsWith("0x", from) && to - from >= 2;
            int radix = hex ? 16 : 10;
            int digits = hex ? from + 2 : from;
            if (!readable(text, digits, to, radix)) {
                break;
            }
            long value;
            try {
                value = Long.parseLong(text, digits, to, radix);
            } catch (NumberFormatException e) {
                break; // too large
            }
            out[n++] = value;
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return n;
    }

    /** Whether {@link Long#parseLong} reads the range as a number (it may still be too large). */
    private static boolean readable(String text, int from, int to, int radix) {
        if (from >= to) {
            return false;
        }
        char c = text.charAt(from);
        boolean sign = c == '-' || c == '+';
        if (sign && to - from == 1) {
            return false;
        }
        for (int i = sign ? from + 1 : from; i < to; i++) {
            if (Character.digit(text.charAt(i), radix) < 0) {
                return false;
            }
        }
        return true;
    }
}
