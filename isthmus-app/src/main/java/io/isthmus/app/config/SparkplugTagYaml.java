package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.sparkplug.MetricKey;
import io.isthmus.connect.sparkplug.SparkplugTagConfig;
import io.isthmus.model.TagPath;
import java.util.Map;
import java.util.Optional;

/**
 * A tag of a {@code sparkplug} source as written: recognised by its {@code metric}, named with its
 * group, edge node and (for a device metric) device.
 */
final class SparkplugTagYaml {
    final SparkplugTagConfig config;

    @JsonCreator
    SparkplugTagYaml(
            @JsonProperty(value = "path", required = true) String path,
            @JsonProperty(value = "source", required = true) String source,
            @JsonProperty(value = "group", required = true) String group,
            @JsonProperty(value = "edge-node", required = true) String edgeNode,
            @JsonProperty("device") String device,
            @JsonProperty(value = "metric", required = true) String metric,
            @JsonProperty("scale") Double scale,
            @JsonProperty("offset") Double offset,
            @JsonProperty("unit") String unit,
            @JsonProperty("deadband") Map<String, Object> deadband) {
        this.config = new SparkplugTagConfig(
                TagPath.parse(path),
                source,
                new MetricKey(group, edgeNode, Optional.ofNullable(device), metric),
                unit,
                TagYaml.scaling(scale, offset),
                deadband == null ? Deadband.NONE : TagYaml.deadband(deadband));
    }
}
