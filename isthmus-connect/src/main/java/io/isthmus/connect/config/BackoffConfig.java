package io.isthmus.connect.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Reconnect delays: {@code initial * multiplier^(attempt-1)}, capped at {@code max}, then spread by
 * ±{@code jitter} (a fraction) so that many edges do not reconnect to a recovering device in step.
 */
public record BackoffConfig(Duration initial, Duration max, double multiplier, double jitter) {
    public static final BackoffConfig DEFAULT =
            new BackoffConfig(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

    public BackoffConfig {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is shorter than initial " + initial);
        }
        if (!(multiplier >= 1) || multiplier > 10) {
            throw new IllegalArgumentException("backoff multiplier must be 1..10, was " + multiplier);
        }
        if (!(jitter >= 0) || jitter >= 1) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), was " + jitter);
        }
    }
}
