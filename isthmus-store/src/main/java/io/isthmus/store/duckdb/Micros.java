package io.isthmus.store.duckdb;

import io.isthmus.store.TimeRange;
import java.time.Duration;
import java.time.Instant;

/**
 * Source times are stored as microseconds since the epoch (UTC); finer parts are cut off. Only
 * times in {@link TimeRange#STORABLE} are stored or queried, so {@link #of(Instant)} is exact for
 * them and sums of a time and a {@link #capped} duration cannot overflow.
 */
final class Micros {
    /** The length of {@link TimeRange#STORABLE} in microseconds (below 2<sup>62</sup>). */
    static final long SPAN = of(TimeRange.STORABLE.to()) - of(TimeRange.STORABLE.from());

    private Micros() {}

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    static long of(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
    }

    /** {@code d} in microseconds, at most {@link #SPAN}: no stored time is further apart than that. */
    static long capped(Duration d) {
        return d.compareTo(Duration.ofSeconds(SPAN / 1_000_000L)) >= 0 ? SPAN : of(d);
    }

    static boolean storable(Instant t) {
        return TimeRange.STORABLE.contains(t);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
