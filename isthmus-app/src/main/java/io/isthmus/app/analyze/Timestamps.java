package io.isthmus.app.analyze;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Capture times as ISO-8601 UTC with nanoseconds ({@code 2026-11-26T01:02:03.123456789Z}). The
 * seconds part is formatted once per second of capture time, the nanoseconds by hand.
 */
final class Timestamps {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedText = "";

    private byte[] cachedBytes = new byte[0];

    String format(long epochNanos) {
        long second = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        cache(second);
        char[] c = new char[cachedText.length() + 11];
        cachedText.getChars(0, cachedText.length(), c, 0);
        int p = cachedText.length();
        c[p] = '.';
        for (int i = 9; i >= 1; i--) {
            c[p + i] = (char) ('0' + nanos % 10);
            nanos /= 10;
        }
        c[p + 10] = 'Z';
        return new String(c);
    }

    /** The same text as {@link #format}, as a JSON string straight into {@code out}. */
    void write(long epochNanos, JsonLineBuffer out) throws IOException {
        long second = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        cache(second);
        out.raw(cachedBytes);
        out.raw('.');
        out.digits(nanos, 9);
        out.raw('Z');
        out.raw('"');
    }

    private void cache(long second) {
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedText = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(SECONDS);
            // The seconds text is ASCII (digits, '-', ':', 'T', a sign for years beyond 9999).
            cachedBytes = ('"' + cachedText).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
