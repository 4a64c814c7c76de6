package io.isthmus.connect.sparkplug;

import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.Scaling;
import io.isthmus.model.TagPath;
import java.util.Objects;

/**
 * One explicitly named Sparkplug metric: which ISA-95 tag its values become. Explicit tags win
 * over the source's {@link SparkplugPathRule}.
 *
 * @param path its ISA-95 name
 * @param source id of the {@link SparkplugSourceConfig} it is consumed from
 * @param metric group, edge node, optional device and metric name
 * @param unit engineering unit, e.g. {@code degC}; empty when dimensionless
 * @param scaling raw to engineering value for numbers; a scaled integer becomes a real
 * @param deadband report-by-exception on the host; {@link Deadband#NONE} reports every value
 */
public record SparkplugTagConfig(
        TagPath path, String source, MetricKey metric, String unit, Scaling scaling, Deadband deadband) {
    public SparkplugTagConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, path + ": source");
        Objects.requireNonNull(metric, path + ": metric");
        Objects.requireNonNull(scaling, path + ": scaling");
        Objects.requireNonNull(deadband, path + ": deadband");
        unit = unit == null ? "" : unit;
    }

    /** A tag without unit, scaling or deadband. */
    public SparkplugTagConfig(TagPath path, String source, MetricKey metric) {
        this(path, source, metric, "", Scaling.IDENTITY, Deadband.NONE);
    }
}
