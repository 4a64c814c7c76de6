package io.isthmus.connect.source;

import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.opcua.OpcUaSourceConfig;
import io.isthmus.connect.opcua.OpcUaTagConfig;
import io.isthmus.connect.sparkplug.SparkplugSourceConfig;
import io.isthmus.connect.sparkplug.SparkplugTagConfig;
import io.isthmus.model.TagPath;
import java.util.List;
import java.util.function.Function;

/**
 * One source of an edge with its tags, by protocol. The set is closed so that everything that
 * starts, describes or reports sources (the edge, the hub's tag catalog) is an exhaustive switch:
 * a new protocol is a new case the compiler points at everywhere it matters.
 */
public sealed interface SourceDefinition {

    /** The id tags name; unique among an edge's sources. */
    String id();

    /** The kind as written in the configuration: modbus-tcp, modbus-rtu-over-tcp, opcua, sparkplug. */
    String kind();

    /** Where the source connects to, for people: {@code host:port} or a URL. */
    String endpoint();

    /** The ISA-95 paths of its explicitly configured tags. */
    List<TagPath> tagPaths();

    /**
     * A Modbus device polled over TCP, with the MBAP header or as RTU frames through a serial
     * gateway ({@link SourceConfig#kind()}).
     */
    record Modbus(SourceConfig source, List<TagConfig> tags) implements SourceDefinition {
        public Modbus {
            tags = owned(source.id(), tags, TagConfig::source, TagConfig::path);
        }

        @Override
        public String id() {
            return source.id();
        }

        @Override
        public String kind() {
            return source.kind().token();
        }

        @Override
        public String endpoint() {
            return source.endpoint().toString();
        }

        @Override
        public List<TagPath> tagPaths() {
            return tags.stream().map(TagConfig::path).toList();
        }
    }

    /** An OPC UA server the edge subscribes to. */
    record OpcUa(OpcUaSourceConfig source, List<OpcUaTagConfig> tags) implements SourceDefinition {
        public OpcUa {
            tags = owned(source.id(), tags, OpcUaTagConfig::source, OpcUaTagConfig::path);
        }

        @Override
        public String id() {
            return source.id();
        }

        @Override
        public String kind() {
            return "opcua";
        }

        @Override
        public String endpoint() {
            return source.endpoint().toString();
        }

        @Override
        public List<TagPath> tagPaths() {
            return tags.stream().map(OpcUaTagConfig::path).toList();
        }
    }

    /**
     * An MQTT broker the edge consumes Sparkplug B from as a host application; besides its explicit
     * tags it may derive more by its path rule.
     */
    record Sparkplug(SparkplugSourceConfig source, List<SparkplugTagConfig> tags) implements SourceDefinition {
        public Sparkplug {
            tags = owned(source.id(), tags, SparkplugTagConfig::source, SparkplugTagConfig::path);
        }

        @Override
        public String id() {
            return source.id();
        }

        @Override
        public String kind() {
            return "sparkplug";
        }

        @Override
        public String endpoint() {
            return "mqtt://" + source.broker();
        }

        @Override
        public List<TagPath> tagPaths() {
            return tags.stream().map(SparkplugTagConfig::path).toList();
        }
    }

    private static <T> List<T> owned(
            String id, List<T> tags, Function<T, String> sourceOf, Function<T, TagPath> pathOf) {
        for (T t : tags) {
            if (!sourceOf.apply(t).equals(id)) {
                throw new IllegalArgumentException(
                        pathOf.apply(t) + " belongs to source " + sourceOf.apply(t) + ", not " + id);
            }
        }
        return List.copyOf(tags);
    }
}
