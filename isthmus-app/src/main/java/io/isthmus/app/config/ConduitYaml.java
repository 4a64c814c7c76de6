package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.Protocol;
import io.isthmus.policy.AddressRange;
import io.isthmus.policy.ConduitRule;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** One conduit as written in a policy file (docs/guard.md). */
final class ConduitYaml {
    final ConduitRule rule;

    @JsonCreator
    ConduitYaml(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "from", required = true) String from,
            @JsonProperty(value = "to", required = true) String to,
            @JsonProperty(value = "protocols", required = true) List<String> protocols,
            @JsonProperty(value = "access", required = true) List<String> access,
            @JsonProperty("functions") List<Integer> functions,
            @JsonProperty("addresses") List<String> addresses,
            @JsonProperty("units") List<Integer> units,
            @JsonProperty("initiator") String initiator,
            @JsonProperty("description") String description) {
        Conduit conduit = new Conduit(
                name,
                from,
                to,
                protocols.stream().map(Protocol::fromId).collect(Collectors.toSet()),
                access.stream().map(AccessKind::fromId).collect(Collectors.toSet()),
                initiator(initiator));
        this.rule = new ConduitRule(
                conduit,
                functions == null ? Set.of() : Set.copyOf(functions),
                addresses == null
                        ? List.of()
                        : addresses.stream().map(AddressRange::parse).toList(),
                units == null ? Set.of() : Set.copyOf(units));
    }

    private static Conduit.Initiator initiator(String text) {
        if (text == null) {
            return Conduit.Initiator.FROM;
        }
        try {
            return Conduit.Initiator.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "initiator '" + text + "' is not one of from (the from-zone opens connections), to, both");
        }
    }
}
