package io.isthmus.observe.timing;

import java.time.Duration;
import java.util.Optional;

/**
 * The summary of one {@link LogHistogram}: how many samples, their median and 99th percentile
 * (within 3 % of the true values) and the exact maximum.
 */
public record DurationStats(long count, Optional<Duration> p50, Optional<Duration> p99, Optional<Duration> max) {
    public static final DurationStats NONE = new DurationStats(0, Optional.empty(), Optional.empty(), Optional.empty());

    static DurationStats of(LogHistogram h) {
        if (h.count() == 0) {
            return NONE;
        }
        return new DurationStats(
                h.count(),
                Optional.of(Duration.ofNanos(h.quantile(0.5))),
                Optional.of(Duration.ofNanos(h.quantile(0.99))),
                Optional.of(Duration.ofNanos(h.max())));
    }
}
