package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.opcua.OpcUaTagConfig;
import io.isthmus.model.TagPath;
import java.util.Map;
import java.util.Optional;

/** A tag of an {@code opcua} source as written: recognised by its {@code node-id}. */
final class OpcUaTagYaml {
    final OpcUaTagConfig config;

    @JsonCreator
    OpcUaTagYaml(
            @JsonProperty(value = "path", required = true) String path,
            @JsonProperty(value = "source", required = true) String source,
            @JsonProperty(value = "node-id", required = true) String nodeId,
            @JsonProperty("scale") Double scale,
            @JsonProperty("offset") Double offset,
            @JsonProperty("unit") String unit,
            @JsonProperty("deadband") Map<String, Object> deadband,
            @JsonProperty("sampling-interval") String samplingInterval) {
        this.config = new OpcUaTagConfig(
                TagPath.parse(path),
                source,
                OpcUaTagConfig.parseNodeId(nodeId),
                unit,
                TagYaml.scaling(scale, offset),
                deadband == null ? Deadband.NONE : TagYaml.deadband(deadband),
                samplingInterval == null ? Optional.empty() : Optional.of(DurationText.parse(samplingInterval)));
    }
}
