package io.isthmus.connect.sparkplug;

import io.isthmus.connect.config.Scaling;
import io.isthmus.connect.poll.TagReporter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The metrics one birth (NBIRTH or DBIRTH) defined: by name and by alias, each with its datatype
 * and the tag it reports to (none for metrics no tag maps, or that we cannot map).
 */
final class MetricTable {
    record Binding(String name, Optional<SparkplugDataType> type, Optional<TagReporter> reporter, Scaling scaling) {}

    private final Map<String, Binding> byName = new HashMap<>();
    private final Map<Long, Binding> byAlias = new HashMap<>();

    void define(Binding b, OptionalLong alias) {
        byName.put(b.name(), b);
        alias.ifPresent(a -> byAlias.put(a, b));
    }

    /** The metric a DATA message refers to: by alias when it has one (6.4.4), else by name. */
    Optional<Binding> resolve(SparkplugMetric m) {
        if (m.alias().isPresent()) {
            return Optional.ofNullable(byAlias.get(m.alias().getAsLong()));
        }
        return m.name().map(byName::get);
    }

    int size() {
        return byName.size();
    }

    Iterable<Binding> bindings() {
        return byName.values();
    }
}
