package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.opcua.OpcUaTagConfig;
import io.isthmus.connect.source.SourceDefinition;
import io.isthmus.connect.source.SourcesConfig;
import io.isthmus.connect.sparkplug.SparkplugTagConfig;
import io.isthmus.model.TagPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the edge's tag configuration (YAML, see docs/connect.md) to {@link SourcesConfig}: sources
 * of every kind ({@code modbus-tcp}, {@code modbus-rtu-over-tcp}, {@code opcua}, {@code sparkplug})
 * and their tags, each tag recognised by its addressing field ({@code address}, {@code node-id},
 * {@code metric}) and checked against its source's kind. Every
 * source and tag is converted to its typed record as it is read, so addresses, durations and paths
 * are parsed here once, and every error reads {@code file:line:column: what is wrong}, pointing at
 * the source or tag (or field) that is wrong.
 */
public final class TagConfigYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TagConfigYaml() {}

    /** Injected into binders that resolve relative paths: the configuration file's directory. */
    static final String BASE_DIR = "isthmus.baseDir";

    /** The Modbus sources and tags of a tag configuration file. */
    public static ConnectConfig load(Path file) throws TagConfigException {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TagConfigException("cannot read tag configuration " + file + ": " + e);
        }
    }

    /** The Modbus sources and tags of a tag configuration (the whole of a Modbus-only one). */
    public static ConnectConfig parse(String source, byte[] yaml) throws TagConfigException {
        return parseAll(source, yaml, Map.of(), Path.of("")).modbus();
    }

    /** A top-level section besides {@code sources} and {@code tags}, read by its own binder. */
    @FunctionalInterface
    interface Section {
        void read(JsonParser p, JsonLocation at) throws IOException, TagConfigException;
    }

    /**
     * Parses sources and tags of every kind, handing the other top-level {@code sections} to their
     * readers; relative paths in sources resolve against {@code baseDir}.
     */
    static SourcesConfig parseAll(String source, byte[] yaml, Map<String, Section> sections, Path baseDir)
            throws TagConfigException {
        ObjectReader reader = reader(baseDir);
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(
                        source,
                        p.currentTokenLocation(),
                        "the tag configuration is a mapping with 'sources' and 'tags'");
            }
            List<Located<SourceDefinition>> sources = List.of();
            List<Located<BoundTag>> tags = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation at = p.currentTokenLocation();
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "sources" -> sources = list(source, p, "sources", node -> source(reader, node));
                    case "tags" -> tags = list(source, p, "tags", node -> tag(reader, node));
                    default -> {
                        Section section = sections.get(field);
                        if (section == null) {
                            List<String> known = new ArrayList<>(sections.keySet());
                            known.sort(null);
                            known.addAll(List.of("sources", "tags"));
                            throw error(
                                    source, at, "unknown field '" + field + "'; expected " + String.join(", ", known));
                        }
                        section.read(p, at);
                    }
                }
            }
            return crossCheck(source, sources, tags);
        } catch (JsonProcessingException e) {
            throw error(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
    }

    private record Located<T>(JsonLocation at, T value) {}

    /** A tag of one of the kinds, recognised by the field that addresses it. */
    private sealed interface BoundTag {
        record Modbus(TagConfig config) implements BoundTag {}

        record OpcUa(OpcUaTagConfig config) implements BoundTag {}

        record Sparkplug(SparkplugTagConfig config) implements BoundTag {}

        default TagPath path() {
            return switch (this) {
                case Modbus m -> m.config().path();
                case OpcUa o -> o.config().path();
                case Sparkplug s -> s.config().path();
            };
        }

        default String source() {
            return switch (this) {
                case Modbus m -> m.config().source();
                case OpcUa o -> o.config().source();
                case Sparkplug s -> s.config().source();
            };
        }

        /** Whether a source of this definition's kind can read the tag; empty when it can. */
        default Optional<String> mismatch(SourceDefinition d) {
            boolean ok = switch (d) {
                case SourceDefinition.Modbus x -> this instanceof Modbus;
                case SourceDefinition.OpcUa x -> this instanceof OpcUa;
                case SourceDefinition.Sparkplug x -> this instanceof Sparkplug;
            };
            String field = switch (this) {
                case Modbus m -> "an address (Modbus)";
                case OpcUa o -> "a node-id (OPC UA)";
                case Sparkplug s -> "a metric (Sparkplug)";
            };
            return ok ? Optional.empty() : Optional.of("has " + field + " but source '" + d.id() + "' is " + d.kind());
        }
    }

    private static final List<String> KINDS = List.of("modbus-tcp", "modbus-rtu-over-tcp", "opcua", "sparkplug");

    private static SourceDefinition source(ObjectReader reader, JsonNode node) throws IOException {
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw new IllegalArgumentException("missing field 'kind'; expected one of " + KINDS);
        }
        if (!KINDS.contains(kind.asText())) {
            throw new IllegalArgumentException(
                    "unknown source kind '" + kind.asText() + "'; expected one of " + String.join(", ", KINDS));
        }
        return switch (kind.asText()) {
            case "opcua" -> reader.forType(OpcUaSourceYaml.class).<OpcUaSourceYaml>readValue(node).definition;
            case "sparkplug" ->
                reader.forType(SparkplugSourceYaml.class).<SparkplugSourceYaml>readValue(node).definition;
            default ->
                new SourceDefinition.Modbus(
                        reader.forType(SourceYaml.class).<SourceYaml>readValue(node).config, List.of());
        };
    }

    private static BoundTag tag(ObjectReader reader, JsonNode node) throws IOException {
        if (node.has("node-id")) {
            return new BoundTag.OpcUa(reader.forType(OpcUaTagYaml.class).<OpcUaTagYaml>readValue(node).config);
        }
        if (node.has("metric")) {
            return new BoundTag.Sparkplug(
                    reader.forType(SparkplugTagYaml.class).<SparkplugTagYaml>readValue(node).config);
        }
        return new BoundTag.Modbus(reader.forType(TagYaml.class).<TagYaml>readValue(node).config);
    }

    @FunctionalInterface
    private interface Binder<T> {
        T bind(JsonNode node) throws IOException;
    }

    private static <T> List<Located<T>> list(String source, JsonParser p, String name, Binder<T> binder)
            throws IOException, TagConfigException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(source, p.currentTokenLocation(), "'" + name + "' is a list, each entry starting with '- '");
        }
        List<Located<T>> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            try {
                JsonNode node = YAML.readTree(p);
                if (!node.isObject()) {
                    throw new IllegalArgumentException("each entry is a mapping of fields");
                }
                out.add(new Located<>(at, binder.bind(node)));
            } catch (JsonProcessingException e) {
                throw error(source, at, name + " entry " + (out.size() + 1) + ": " + YamlProblems.reason(e));
            } catch (IllegalArgumentException e) {
                throw error(source, at, name + " entry " + (out.size() + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** Checks what spans entries (unknown sources, kinds, duplicates) so the error still names the tag's line. */
    private static SourcesConfig crossCheck(
            String source, List<Located<SourceDefinition>> sources, List<Located<BoundTag>> tags)
            throws TagConfigException {
        Map<String, SourceDefinition> byId = new LinkedHashMap<>();
        for (Located<SourceDefinition> s : sources) {
            if (byId.put(s.value().id(), s.value()) != null) {
                throw new TagConfigException(
                        source + ": source id '" + s.value().id() + "' is used twice");
            }
        }
        Set<Object> paths = new HashSet<>();
        Map<String, List<BoundTag>> bySource = new HashMap<>();
        for (Located<BoundTag> t : tags) {
            SourceDefinition d = byId.get(t.value().source());
            if (d == null) {
                throw error(
                        source,
                        t.at(),
                        "tag " + t.value().path() + ": source '" + t.value().source() + "' is not defined; sources are "
                                + byId.keySet());
            }
            Optional<String> mismatch = t.value().mismatch(d);
            if (mismatch.isPresent()) {
                throw error(source, t.at(), "tag " + t.value().path() + " " + mismatch.get());
            }
            if (!paths.add(t.value().path())) {
                throw error(source, t.at(), "tag " + t.value().path() + " is defined twice");
            }
            bySource.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(t.value());
        }
        List<SourceDefinition> out = new ArrayList<>();
        for (SourceDefinition d : byId.values()) {
            List<BoundTag> own = bySource.getOrDefault(d.id(), List.of());
            out.add(
                    switch (d) {
                        case SourceDefinition.Modbus m ->
                            new SourceDefinition.Modbus(
                                    m.source(),
                                    tagsOf(own, BoundTag.Modbus.class).stream()
                                            .map(BoundTag.Modbus::config)
                                            .toList());
                        case SourceDefinition.OpcUa o ->
                            new SourceDefinition.OpcUa(
                                    o.source(),
                                    tagsOf(own, BoundTag.OpcUa.class).stream()
                                            .map(BoundTag.OpcUa::config)
                                            .toList());
                        case SourceDefinition.Sparkplug sp ->
                            new SourceDefinition.Sparkplug(
                                    sp.source(),
                                    tagsOf(own, BoundTag.Sparkplug.class).stream()
                                            .map(BoundTag.Sparkplug::config)
                                            .toList());
                    });
        }
        try {
            return new SourcesConfig(out);
        } catch (IllegalArgumentException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
    }

    private static <T extends BoundTag> List<T> tagsOf(List<BoundTag> tags, Class<T> type) {
        return tags.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A reader whose binders resolve relative paths against {@code baseDir}. */
    static ObjectReader reader(Path baseDir) {
        return YAML.reader(new InjectableValues.Std().addValue(BASE_DIR, baseDir));
    }

    static ObjectMapper yaml() {
        return YAML;
    }

    static TagConfigException error(String source, JsonLocation at, String message) {
        return new TagConfigException(YamlProblems.at(source, at, message));
    }

    /** A tag configuration that cannot be loaded; the message says where and why. */
    public static final class TagConfigException extends Exception {
        public TagConfigException(String message) {
            super(message);
        }
    }
}
