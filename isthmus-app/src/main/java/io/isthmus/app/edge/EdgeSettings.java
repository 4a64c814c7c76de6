package io.isthmus.app.edge;

import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.journal.JournalConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code edge:} section of an edge's configuration.
 *
 * @param siteId names this edge's journal at the hub: sequences are only comparable within one
 *     edge, so two edges must never share an id
 * @param journal the store-and-forward journal
 * @param forward the hub it forwards to
 * @param status an optional local port for status and Prometheus metrics; empty (the default) means
 *     the edge listens on no port at all
 */
public record EdgeSettings(String siteId, JournalConfig journal, ForwardSettings forward, Optional<HostPort> status) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public EdgeSettings {
        if (siteId == null || !ID.matcher(siteId).matches()) {
            throw new IllegalArgumentException(
                    "edge site-id must be 1..128 of letters, digits, '_', '-', '.', was '" + siteId + "'");
        }
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(status, "status");
    }
}
