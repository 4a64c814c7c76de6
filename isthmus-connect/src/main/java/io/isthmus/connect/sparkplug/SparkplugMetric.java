package io.isthmus.connect.sparkplug;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One metric of a payload, as decoded: the fields we use of the Sparkplug B {@code Metric}
 * message (Sparkplug B 3.0, 6.4.4).
 */
public record SparkplugMetric(
        Optional<String> name,
        OptionalLong alias,
        OptionalLong timestamp,
        OptionalInt datatype,
        boolean isNull,
        MetricValue value) {
    public SparkplugMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(datatype, "datatype");
        Objects.requireNonNull(value, "value");
    }
}
