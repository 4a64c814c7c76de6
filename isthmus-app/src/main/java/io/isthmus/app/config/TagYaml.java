package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.Scaling;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.model.TagPath;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** One tag as written in the tag configuration. */
final class TagYaml {
    final TagConfig config;

    @JsonCreator
    TagYaml(
            @JsonProperty(value = "path", required = true) String path,
            @JsonProperty(value = "source", required = true) String source,
            @JsonProperty(value = "address", required = true) String address,
            @JsonProperty("scale") Double scale,
            @JsonProperty("offset") Double offset,
            @JsonProperty("unit") String unit,
            @JsonProperty("deadband") Map<String, Object> deadband,
            @JsonProperty("poll-rate") String pollRate) {
        this.config = new TagConfig(
                TagPath.parse(path),
                source,
                ModbusAddress.parse(address),
                scaling(scale, offset),
                unit,
                deadband == null ? Deadband.NONE : deadband(deadband),
                pollRate == null ? Optional.empty() : Optional.of(DurationText.parse(pollRate)));
    }

    static Scaling scaling(Double scale, Double offset) {
        return scale == null && offset == null
                ? Scaling.IDENTITY
                : new Scaling(scale == null ? 1 : scale, offset == null ? 0 : offset);
    }

    static Deadband deadband(Map<String, Object> m) {
        SourceYaml.known("deadband", m, Set.of("absolute", "percent"));
        return new Deadband(
                m.containsKey("absolute")
                        ? OptionalDouble.of(SourceYaml.number(m, "absolute", 0))
                        : OptionalDouble.empty(),
                m.containsKey("percent")
                        ? OptionalDouble.of(SourceYaml.number(m, "percent", 0))
                        : OptionalDouble.empty());
    }
}
