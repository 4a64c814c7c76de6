package io.isthmus.connect.sparkplug;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** A decoded Sparkplug B {@code Payload}: its timestamp, sequence number and metrics (6.4.3). */
public record SparkplugPayload(OptionalLong timestamp, OptionalLong seq, List<SparkplugMetric> metrics) {
    public SparkplugPayload {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(seq, "seq");
        metrics = List.copyOf(metrics);
    }
}
