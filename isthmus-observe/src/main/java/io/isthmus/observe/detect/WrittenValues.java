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
        if (text.isEmpty()) {
            return new long[0];
        }
        long[] out = new long[MAX_VALUES];
        int n = 0;
        int start = 0;
        while (start <= text.length() && n < MAX_VALUES) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String item = text.substring(start, end).strip();
            try {
                out[n] = item.startsWith("0x") ? Long.parseLong(item.substring(2), 16) : Long.parseLong(item);
            } catch (NumberFormatException e) {
                break;
            }
            n++;
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return Arrays.copyOf(out, n);
    }
}
