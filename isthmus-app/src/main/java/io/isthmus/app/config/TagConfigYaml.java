package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the edge's tag configuration (YAML, see docs/connect.md) to {@link ConnectConfig}. Every
 * source and tag is converted to its typed record as it is read, so addresses, durations and paths
 * are parsed here once, and every error reads {@code file:line:column: what is wrong}, pointing at
 * the source or tag (or field) that is wrong.
 */
public final class TagConfigYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TagConfigYaml() {}

    public static ConnectConfig load(Path file) throws TagConfigException {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TagConfigException("cannot read tag configuration " + file + ": " + e);
        }
    }

    public static ConnectConfig parse(String source, byte[] yaml) throws TagConfigException {
        return parse(source, yaml, Map.of());
    }

    /** A top-level section besides {@code sources} and {@code tags}, read by its own binder. */
    @FunctionalInterface
    interface Section {
        void read(JsonParser p, JsonLocation at) throws IOException, TagConfigException;
    }

    /** Parses sources and tags, handing the other top-level {@code sections} to their readers. */
    static ConnectConfig parse(String source, byte[] yaml, Map<String, Section> sections) throws TagConfigException {
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(
                        source,
                        p.currentTokenLocation(),
                        "the tag configuration is a mapping with 'sources' and 'tags'");
            }
            List<SourceConfig> sources = List.of();
            List<Located<TagConfig>> tags = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation at = p.currentTokenLocation();
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "sources" ->
                        sources = list(source, p, "sources", SourceYaml.class).stream()
                                .map(l -> l.value().config)
                                .toList();
                    case "tags" ->
                        tags = list(source, p, "tags", TagYaml.class).stream()
                                .map(l -> new Located<>(l.at(), l.value().config))
                                .toList();
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

    private static <T> List<Located<T>> list(String source, JsonParser p, String name, Class<T> type)
            throws IOException, TagConfigException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(source, p.currentTokenLocation(), "'" + name + "' is a list, each entry starting with '- '");
        }
        List<Located<T>> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            try {
                out.add(new Located<>(at, YAML.readValue(p, type)));
            } catch (JsonProcessingException e) {
                throw error(source, at, name + " entry " + (out.size() + 1) + ": " + YamlProblems.reason(e));
            }
        }
        return out;
    }

    /** Checks what spans entries (unknown sources, duplicates) so the error still names the tag's line. */
    private static ConnectConfig crossCheck(String source, List<SourceConfig> sources, List<Located<TagConfig>> tags)
            throws TagConfigException {
        Map<String, SourceConfig> byId = new HashMap<>();
        for (SourceConfig s : sources) {
            if (byId.put(s.id(), s) != null) {
                throw new TagConfigException(source + ": source id '" + s.id() + "' is used twice");
            }
        }
        Set<Object> paths = new HashSet<>();
        for (Located<TagConfig> t : tags) {
            if (!byId.containsKey(t.value().source())) {
                throw error(
                        source,
                        t.at(),
                        "tag " + t.value().path() + ": source '" + t.value().source() + "' is not defined; sources are "
                                + byId.keySet());
            }
            if (!paths.add(t.value().path())) {
                throw error(source, t.at(), "tag " + t.value().path() + " is defined twice");
            }
        }
        return new ConnectConfig(sources, tags.stream().map(Located::value).toList());
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
