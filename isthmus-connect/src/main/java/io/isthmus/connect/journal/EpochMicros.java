package io.isthmus.connect.journal;

import java.time.Instant;

/**
 * Microseconds since 1970-01-01T00:00Z, the time resolution of the journal's envelope and of the
 * transfer's batch bodies.
 */
public final class EpochMicros {
    private EpochMicros() {}

    /**
     * The exact inverse of {@link #instant(long)} over the whole long range (before 1970 the second
     * is moved up first, so the product cannot pass Long.MIN_VALUE).
     *
     * @throws ArithmeticException if {@code t} is beyond ±292,000 years, which no journal produces
     */
    public static long micros(Instant t) {
        long seconds = t.getEpochSecond();
        long micros = t.getNano() / 1_000;
        if (seconds < 0 && micros > 0) {
            seconds++;
            micros -= 1_000_000L;
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
