package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.console.TagJson;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.source.SourceDefinition;
import io.isthmus.connect.source.SourcesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a hub's configuration: one {@code hub:} section (listen address, historian, limits, allowed
 * edges, and the tag configurations whose units and sources the API shows). Errors read {@code
 * file:line:column: what is wrong}; relative paths are resolved against the file's directory.
 */
public final class HubConfigYaml {
    private HubConfigYaml() {}

    public static HubSettings load(Path file) throws TagConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TagConfigException("cannot read hub configuration " + file + ": " + e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), bytes, base == null ? Path.of("") : base);
    }

    public static HubSettings parse(String source, byte[] yaml, Path baseDir) throws TagConfigException {
        HubYaml hub = null;
        JsonLocation hubAt = null;
        try (JsonParser p = TagConfigYaml.yaml().createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw TagConfigYaml.error(
                        source, p.currentTokenLocation(), "the hub configuration is a mapping with 'hub'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation at = p.currentTokenLocation();
                String field = p.currentName();
                p.nextToken();
                if (field.equals("sensor") || field.equals("gateway")) {
                    p.skipChildren(); // SensorConfigYaml and GatewayConfigYaml bind them
                    continue;
                }
                if (!field.equals("hub")) {
                    throw TagConfigYaml.error(
                            source, at, "unknown field '" + field + "'; expected hub, sensor or gateway");
                }
                hubAt = at;
                try {
                    hub = TagConfigYaml.reader(baseDir).forType(HubYaml.class).readValue(p);
                } catch (JsonProcessingException e) {
                    // the section's own line: Jackson places errors of a bound section at its end
                    throw TagConfigYaml.error(source, at, "hub: " + YamlProblems.reason(e));
                }
            }
        } catch (JsonProcessingException e) {
            throw TagConfigYaml.error(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
        if (hub == null) {
            throw new TagConfigException(source + ": the 'hub' section is missing (listen, historian)");
        }
        List<TagJson> catalog = new ArrayList<>();
        for (String c : hub.catalog) {
            catalog.addAll(catalog(baseDir.resolve(c).normalize()));
        }
        try {
            return new HubSettings(
                    hub.listen,
                    hub.historian(baseDir.resolve(hub.historianDir).normalize()),
                    hub.maxIngestBytes,
                    hub.maxHistoryPoints,
                    hub.edges,
                    catalog,
                    hub.ingest,
                    hub.receiver,
                    hub.incidents(baseDir));
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, hubAt, "hub: " + e.getMessage());
        }
    }

    /** The tags of a tag or edge configuration file as the API describes them. */
    public static List<TagJson> catalog(Path file) throws TagConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TagConfigException("cannot read tag catalog " + file + ": " + e);
        }
        SourcesConfig c = TagConfigYaml.parseAll(
                file.toString(), bytes, Map.of("edge", (p, at) -> p.skipChildren()), baseDirOf(file));
        return describe(c);
    }

    private static Path baseDirOf(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return base == null ? Path.of("") : base;
    }

    public static List<TagJson> describe(ConnectConfig c) {
        return describe(SourcesConfig.of(c));
    }

    /** Each explicitly configured tag with its address, unit and source. */
    public static List<TagJson> describe(SourcesConfig c) {
        List<TagJson> out = new ArrayList<>();
        for (SourceDefinition s : c.sources()) {
            String from = s.id() + " (" + s.kind() + "://" + s.endpoint().replaceFirst("^[a-z.]+://", "") + ")";
            switch (s) {
                case SourceDefinition.Modbus m ->
                    m.tags()
                            .forEach(t ->
                                    out.add(tag(t.path().toString(), t.address().toString(), t.unit(), from)));
                case SourceDefinition.OpcUa o ->
                    o.tags()
                            .forEach(t ->
                                    out.add(tag(t.path().toString(), t.nodeId().toParseableString(), t.unit(), from)));
                case SourceDefinition.Sparkplug sp ->
                    sp.tags()
                            .forEach(t ->
                                    out.add(tag(t.path().toString(), t.metric().toString(), t.unit(), from)));
            }
        }
        return out;
    }

    private static TagJson tag(String path, String address, String unit, String source) {
        return new TagJson(path, address, unit, false, "", source);
    }
}
