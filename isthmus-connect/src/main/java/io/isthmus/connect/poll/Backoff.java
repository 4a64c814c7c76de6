package io.isthmus.connect.poll;

import io.isthmus.connect.config.BackoffConfig;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter, from a {@link BackoffConfig}. */
public final class Backoff {
    private final BackoffConfig config;
    private final RandomGenerator random;

    public Backoff(BackoffConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} (>= 1) failures in a row. */
    public Duration delay(int attempt) {
        double base = config.initial().toNanos() * Math.pow(config.multiplier(), Math.max(0, attempt - 1));
        double capped = Math.min(base, config.max().toNanos());
        double spread = 1 + config.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofNanos(Math.max(1, (long) (capped * spread)));
    }
}
