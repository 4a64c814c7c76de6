package io.isthmus.app.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them in YAML: {@code 512}, {@code 64KiB}, {@code 256MiB}, {@code 1GiB}. */
public final class ByteSizeText {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)?");

    private ByteSizeText() {}

    public static long parse(String text) {
        Matcher m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 4096, 64KiB, 256MiB or 1GiB");
        }
        long n = Long.parseLong(m.group(1));
        int shift = m.group(2) == null
                ? 0
                : switch (m.group(2)) {
                    case "KiB" -> 10;
                    case "MiB" -> 20;
                    case "GiB" -> 30;
                    default -> 0;
                };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return n << shift;
    }
}
