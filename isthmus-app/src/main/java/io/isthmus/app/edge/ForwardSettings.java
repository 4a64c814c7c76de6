package io.isthmus.app.edge;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.journal.ForwardingBudget;
import io.isthmus.connect.transfer.TransferLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the edge forwards its journal: always a connection the edge opens toward the hub
 * (OT to IT), never one the hub opens toward the plant.
 *
 * @param hub the hub's base URL, {@code http://host:port/}; the edge posts to {@code api/ingest}
 * @param budget records per request and the share kept for the backlog after an outage
 * @param requestTimeout how long one request may take before it counts as failed
 * @param retry delays between failed requests
 * @param token the bearer token the hub knows this edge by; empty when the hub requires none
 * @param trust certificates (PEM or DER; a CA's or the hub's own) an {@code https://} hub must
 *     chain to; empty for the JDK's default trust store
 * @param client the edge's client key and certificate for a hub that requires mutual TLS
 */
public record ForwardSettings(
        URI hub,
        ForwardingBudget budget,
        Duration requestTimeout,
        BackoffConfig retry,
        Optional<BearerToken> token,
        Optional<Path> trust,
        Optional<HubTrust.ClientKey> client) {
    public static final ForwardingBudget DEFAULT_BUDGET = new ForwardingBudget(200, 40);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final BackoffConfig DEFAULT_RETRY =
            new BackoffConfig(Duration.ofMillis(250), Duration.ofSeconds(10), 2, 0.2);
    /** What the edge may put in one request; the hub's default accepts it. */
    public static final TransferLimits LIMITS = TransferLimits.DEFAULT;

    public ForwardSettings {
        Objects.requireNonNull(hub, "hub");
        if (!"http".equals(hub.getScheme()) && !"https".equals(hub.getScheme())) {
            throw new IllegalArgumentException("forward hub '" + hub + "' must be an http:// or https:// URL");
        }
        if (hub.getHost() == null || hub.getQuery() != null || hub.getFragment() != null) {
            throw new IllegalArgumentException("forward hub '" + hub + "' must be http(s)://host:port/ with no query");
        }
        if (!hub.getPath().endsWith("/")) {
            hub = URI.create(hub + "/");
        }
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.toMillis() < 100 || requestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("forward timeout must be 100ms..5m, was " + requestTimeout);
        }
        if ((long) budget.maxRecords() > LIMITS.maxRecords()) {
            throw new IllegalArgumentException(
                    "forward batch-records " + budget.maxRecords() + " is above " + LIMITS.maxRecords());
        }
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(trust, "trust");
        if (trust.isPresent() && !"https".equals(hub.getScheme())) {
            throw new IllegalArgumentException(
                    "forward trust-file is for an https:// hub; '" + hub + "' is plain http");
        }
        Objects.requireNonNull(client, "client");
        if (client.isPresent() && !"https".equals(hub.getScheme())) {
            throw new IllegalArgumentException(
                    "forward client-keystore is for an https:// hub; '" + hub + "' is plain http");
        }
    }

    /** Without a client certificate. */
    public ForwardSettings(
            URI hub,
            ForwardingBudget budget,
            Duration requestTimeout,
            BackoffConfig retry,
            Optional<BearerToken> token,
            Optional<Path> trust) {
        this(hub, budget, requestTimeout, retry, token, trust, Optional.empty());
    }

    /** Forwarding without a token, trusting the JDK's default certificates. */
    public ForwardSettings(URI hub, ForwardingBudget budget, Duration requestTimeout, BackoffConfig retry) {
        this(hub, budget, requestTimeout, retry, Optional.empty(), Optional.empty());
    }

    /**
     * A bearer token; never printed.
     *
     * @param value the token as read when the configuration was loaded
     * @param file the file it was read from: the forwarder reads it again when it changes, so the
     *     token is rotated without restarting the edge (see {@link EdgeToken}); empty for a fixed token
     */
    public record BearerToken(String value, Optional<Path> file) {
        public BearerToken {
            check(value);
            Objects.requireNonNull(file, "file");
        }

        /** A token that is never read again. */
        public BearerToken(String value) {
            this(value, Optional.empty());
        }

        /** @throws IllegalArgumentException not a usable token (the message never contains it) */
        static String check(String value) {
            if (value == null || value.length() < 16 || !value.matches("[\\x21-\\x7E]+")) {
                throw new IllegalArgumentException(
                        "a forward token is at least 16 printable ASCII characters without spaces");
            }
            return value;
        }

        @Override
        public String toString() {
            return "BearerToken[***]";
        }
    }

    public static ForwardSettings to(URI hub) {
        return new ForwardSettings(hub, DEFAULT_BUDGET, DEFAULT_TIMEOUT, DEFAULT_RETRY);
    }

    public URI ingest() {
        return hub.resolve("api/ingest");
    }
}
