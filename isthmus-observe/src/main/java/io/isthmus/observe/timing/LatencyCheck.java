package io.isthmus.observe.timing;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer to "did this conduit stay within its latency tolerance?", for the detector to turn into
 * an alert.
 *
 * @param exceeded true when the slowest paired response took longer than {@code tolerance}
 * @param slowest the slowest paired response seen
 * @param samplesAbove about how many responses took longer than the tolerance (bucket precision)
 * @param samples responses paired with their request
 */
public record LatencyCheck(
        ConduitKey key, Duration tolerance, boolean exceeded, Duration slowest, long samplesAbove, long samples) {
    public LatencyCheck {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(slowest, "slowest");
    }
}
