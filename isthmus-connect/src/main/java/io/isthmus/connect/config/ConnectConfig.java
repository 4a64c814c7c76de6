package io.isthmus.connect.config;

import io.isthmus.model.TagPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sources and tags of one edge; every tag names an existing source, ids and paths are unique. */
public record ConnectConfig(List<SourceConfig> sources, List<TagConfig> tags) {
    public ConnectConfig {
        sources = List.copyOf(sources);
        tags = List.copyOf(tags);
        Map<String, SourceConfig> byId = new HashMap<>();
        for (SourceConfig s : sources) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("source id '" + s.id() + "' is used twice");
            }
        }
        Set<TagPath> paths = new HashSet<>();
        for (TagConfig t : tags) {
            if (!byId.containsKey(t.source())) {
                throw new IllegalArgumentException(
                        t.path() + ": source '" + t.source() + "' is not defined; sources are " + byId.keySet());
            }
            if (!paths.add(t.path())) {
                throw new IllegalArgumentException("tag " + t.path() + " is defined twice");
            }
        }
    }

    public List<TagConfig> tagsOf(String sourceId) {
        return tags.stream().filter(t -> t.source().equals(sourceId)).toList();
    }
}
