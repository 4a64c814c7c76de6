package io.isthmus.connect.sparkplug;

import io.isthmus.model.TagPath;
import java.util.Objects;

/**
 * One explicitly named Sparkplug metric: which ISA-95 tag its values become. Explicit tags win
 * over the source's {@link SparkplugPathRule}.
 */
public record SparkplugTagConfig(TagPath path, String source, MetricKey metric) {
    public SparkplugTagConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(metric, "metric");
    }
}
