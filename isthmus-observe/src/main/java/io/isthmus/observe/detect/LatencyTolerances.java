package io.isthmus.observe.detect;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The latency tolerances of critical processes (issue 5, item 5): per conduit of the policy, by its
 * name, the longest a request may wait for its response before the {@code latency-tolerance}
 * detector raises an alert. A conduit without an entry is not judged. Names are checked against
 * the policy where the file is read; here each tolerance must be positive.
 */
public record LatencyTolerances(Map<String, Duration> byConduit) {
    public static final LatencyTolerances NONE = new LatencyTolerances(Map.of());

    public LatencyTolerances {
        Objects.requireNonNull(byConduit, "byConduit");
        TreeMap<String, Duration> copy = new TreeMap<>();
        byConduit.forEach((name, tolerance) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a latency tolerance needs a conduit name");
            }
            if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
                throw new IllegalArgumentException(
                        "the latency tolerance of conduit " + name + " must be positive, was " + tolerance);
            }
            copy.put(name, tolerance);
        });
        byConduit = Map.copyOf(copy);
    }

    public boolean isEmpty() {
        return byConduit.isEmpty();
    }
}
