package io.isthmus.connect.source;

import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.model.TagPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every source of one edge, of every kind, with its tags: source ids and tag paths are unique
 * across all of them, since one historian holds them all.
 */
public record SourcesConfig(List<SourceDefinition> sources) {
    public SourcesConfig {
        sources = List.copyOf(sources);
        Set<String> ids = new HashSet<>();
        Map<TagPath, String> owners = new HashMap<>();
        for (SourceDefinition s : sources) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("source id '" + s.id() + "' is used twice");
            }
            for (TagPath p : s.tagPaths()) {
                String other = owners.put(p, s.id());
                if (other != null) {
                    throw new IllegalArgumentException(
                            "tag " + p + " is defined twice (sources " + other + " and " + s.id() + ")");
                }
            }
        }
    }

    /** The Modbus sources and tags of a Modbus-only configuration. */
    public static SourcesConfig of(ConnectConfig modbus) {
        return new SourcesConfig(modbus.sources().stream()
                .map(s -> (SourceDefinition) new SourceDefinition.Modbus(s, modbus.tagsOf(s.id())))
                .toList());
    }

    /** The Modbus part alone, as the Modbus tooling (demo, benchmarks) takes it. */
    public ConnectConfig modbus() {
        List<SourceConfig> s = new ArrayList<>();
        List<TagConfig> t = new ArrayList<>();
        for (SourceDefinition d : sources) {
            if (d instanceof SourceDefinition.Modbus m) {
                s.add(m.source());
                t.addAll(m.tags());
            }
        }
        return new ConnectConfig(s, t);
    }

    /** Explicitly configured tags over all sources (a Sparkplug path rule may add more at run time). */
    public int tagCount() {
        return sources.stream().mapToInt(s -> s.tagPaths().size()).sum();
    }
}
