package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Zone;
import java.util.List;

/** One zone as written in a policy file (docs/guard.md). */
final class ZoneYaml {
    final Zone zone;

    @JsonCreator
    ZoneYaml(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "level", required = true) String level,
            @JsonProperty("networks") List<String> networks,
            @JsonProperty("security-level") String securityLevel,
            @JsonProperty("description") String description) {
        this.zone = new Zone(
                name,
                PurdueLevel.parse(level),
                networks == null
                        ? List.of()
                        : networks.stream().map(IpNetwork::parse).toList(),
                securityLevel == null ? SecurityLevel.SL1 : SecurityLevel.parse(securityLevel));
    }
}
