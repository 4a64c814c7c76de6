package io.isthmus.app.edge;

import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code edge:} section of an edge's configuration.
 *
 * <p>The journal leaves the edge by HTTP ({@code forward}), one way through a data diode ({@code
 * transfer}), or both. Both at once is allowed on purpose: each has its own journal consumer, and
 * the hub stores a journal id once whichever path brings it first, so the HTTP path can stay as the
 * acknowledged fallback where the site's policy allows a TCP connection from OT to IT, while the
 * diode is the only path where it does not.
 *
 * @param siteId names this edge's journal at the hub: sequences are only comparable within one
 *     edge, so two edges must never share an id
 * @param journal the store-and-forward journal
 * @param forward the hub it forwards to over HTTP, if any
 * @param transfer the one-way transfer (the diode's input or the hub's receiver), if any
 * @param status an optional local port for status and Prometheus metrics; empty (the default) means
 *     the edge listens on no port at all
 */
public record EdgeSettings(
        String siteId,
        JournalConfig journal,
        Optional<ForwardSettings> forward,
        Optional<SenderConfig> transfer,
        Optional<HostPort> status) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public EdgeSettings {
        if (siteId == null || !ID.matcher(siteId).matches()) {
            throw new IllegalArgumentException(
                    "edge site-id must be 1..128 of letters, digits, '_', '-', '.', was '" + siteId + "'");
        }
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(status, "status");
        if (forward.isEmpty() && transfer.isEmpty()) {
            throw new IllegalArgumentException(
                    "edge needs 'forward' (HTTP to a hub), 'transfer' (one way through a diode) or both;"
                            + " without either the journal never leaves the edge");
        }
        if (forward.isPresent()
                && transfer.isPresent()
                && transfer.get().consumerName().equals(Forwarder.CONSUMER)) {
            throw new IllegalArgumentException("transfer consumer '" + Forwarder.CONSUMER
                    + "' is the HTTP forwarder's journal consumer; give the transfer its own (e.g. diode)");
        }
    }

    /** An edge that forwards over HTTP only. */
    public EdgeSettings(String siteId, JournalConfig journal, ForwardSettings forward, Optional<HostPort> status) {
        this(siteId, journal, Optional.of(forward), Optional.empty(), status);
    }
}
