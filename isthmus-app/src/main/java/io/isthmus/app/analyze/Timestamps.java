package io.isthmus.app.analyze;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Capture times as ISO-8601 UTC with nanoseconds ({@code 2026-11-26T01:02:03.123456789Z}), the text
 * {@code DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")} plus nine digits of fraction gave
 * before. The text is kept in one array: the date is rewritten when the day changes, the time of
 * day and the fraction on every line, by arithmetic (merged captures alternate between seconds, so
 * a per-second cache missed often and each miss built several {@code java.time} objects).
 *
 * <p>Nanoseconds since the epoch in a {@code long} reach from 1677 to 2262, so the year always has
 * four digits and no sign.
 */
final class Timestamps {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;

    /** {@code "yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ"} with its quotes. */
    private final byte[] text = "\"0000-00-00T00:00:00.000000000Z\"".getBytes(StandardCharsets.US_ASCII);

    private long cachedDay = Long.MIN_VALUE;

    /** The time as a quoted JSON string into {@code out}. */
    void write(long epochNanos, JsonLineBuffer out) throws IOException {
        long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int nanos = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
        long day = Math.floorDiv(second, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
        if (day != cachedDay) {
            date(day);
        }
        int hour = secondOfDay / 3600;
        int minute = secondOfDay / 60 % 60;
        two(hour, 12);
        two(minute, 15);
        two(secondOfDay % 60, 18);
        // Nine fraction digits: eight two at a time from a table (one division per pair), then the first.
        for (int i = 28; i >= 22; i -= 2) {
            int q = nanos / 100;
            two(nanos - q * 100, i);
            nanos = q;
        }
        text[21] = (byte) ('0' + nanos);
        out.raw(text);
    }

    private void date(long day) {
        cachedDay = day;
        LocalDate d = LocalDate.ofEpochDay(day);
        int year = d.getYear();
        two(year / 100, 1);
        two(year % 100, 3);
        two(d.getMonthValue(), 6);
        two(d.getDayOfMonth(), 9);
    }

    /** Two decimal digits of {@code v} (0..99) at {@code at}. */
    private void two(int v, int at) {
        text[at] = JsonLineBuffer.PAIRS[2 * v];
        text[at + 1] = JsonLineBuffer.PAIRS[2 * v + 1];
    }
}
