package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isthmus.model.AssetRole;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.MacAddress;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.inventory.AssetOverride;
import io.isthmus.observe.inventory.InventoryOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the inventory overrides file ({@code --levels FILE}, docs/inventory.md):
 *
 * <pre>
 * assets:
 *   - address: 10.0.0.5        # one address, or a network: 10.0.1.0/24; or mac: 00:1b:1b:aa:bb:cc
 *     level: 1                 # 0..5, 3.5, L2, idmz
 *     zone: cell-1
 *     name: Conveyor PLC
 *     role: PLC                # PLC, RTU, HMI, ENGINEERING_WORKSTATION, HISTORIAN, ...
 * </pre>
 *
 * Errors read {@code file:line:column: what is wrong}, pointing at the entry.
 */
public final class OverridesYaml {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OverridesYaml() {}

    /** One entry as written. */
    record Entry(String address, String mac, String level, String zone, String name, String role) {}

    public static InventoryOverrides load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such overrides file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read overrides file " + file + ": " + e.getMessage());
        }
    }

    public static InventoryOverrides parse(String source, byte[] yaml) {
        List<AssetOverride> out = new ArrayList<>();
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(
                        YamlProblems.at(source, p.currentTokenLocation(), "expected a mapping with 'assets'"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation at = p.currentTokenLocation();
                if (!p.currentName().equals("assets")) {
                    throw new IllegalArgumentException(
                            YamlProblems.at(source, at, "unknown field '" + p.currentName() + "'; expected 'assets'"));
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException(YamlProblems.at(source, at, "'assets' is a list of entries"));
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonLocation entryAt = p.currentTokenLocation();
                    Entry e;
                    try {
                        e = p.readValueAs(Entry.class);
                    } catch (JsonProcessingException ex) {
                        throw new IllegalArgumentException(YamlProblems.at(source, entryAt, YamlProblems.reason(ex)));
                    }
                    try {
                        out.add(toOverride(e));
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException(YamlProblems.at(source, entryAt, ex.getMessage()));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlProblems.at(source, e.getLocation(), YamlProblems.reason(e)));
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        return new InventoryOverrides(out);
    }

    private static AssetOverride toOverride(Entry e) {
        Optional<IpNetwork> network = Optional.ofNullable(e.address()).map(OverridesYaml::network);
        Optional<MacAddress> mac = Optional.ofNullable(e.mac()).map(MacAddress::parse);
        Optional<AssetRole> role = Optional.ofNullable(e.role()).map(OverridesYaml::role);
        return new AssetOverride(
                network,
                mac,
                Optional.ofNullable(e.level()).map(PurdueLevel::parse),
                Optional.ofNullable(e.zone()),
                Optional.ofNullable(e.name()),
                role);
    }

    private static IpNetwork network(String text) {
        if (text.contains("/")) {
            return IpNetwork.parse(text);
        }
        return IpNetwork.parse(text + (text.contains(":") ? "/128" : "/32"));
    }

    private static AssetRole role(String text) {
        try {
            return AssetRole.valueOf(
                    text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a role; expected one of " + Arrays.toString(AssetRole.values()));
        }
    }
}
