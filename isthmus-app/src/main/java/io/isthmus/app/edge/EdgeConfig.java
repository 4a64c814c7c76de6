package io.isthmus.app.edge;

import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.source.SourcesConfig;
import java.util.Objects;

/** Everything {@code isthmus edge} runs: its own settings and the sources (of every kind) and tags it reads. */
public record EdgeConfig(EdgeSettings edge, SourcesConfig sources) {
    public EdgeConfig {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(sources, "sources");
    }

    /** An edge of Modbus sources only. */
    public EdgeConfig(EdgeSettings edge, ConnectConfig modbus) {
        this(edge, SourcesConfig.of(modbus));
    }

    /** The Modbus sources and tags alone. */
    public ConnectConfig connect() {
        return sources.modbus();
    }
}
