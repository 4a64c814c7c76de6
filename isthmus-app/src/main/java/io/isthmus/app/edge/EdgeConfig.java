package io.isthmus.app.edge;

import io.isthmus.connect.config.ConnectConfig;
import java.util.Objects;

/** Everything {@code isthmus edge} runs: its own settings and the sources and tags it polls. */
public record EdgeConfig(EdgeSettings edge, ConnectConfig connect) {
    public EdgeConfig {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(connect, "connect");
    }
}
