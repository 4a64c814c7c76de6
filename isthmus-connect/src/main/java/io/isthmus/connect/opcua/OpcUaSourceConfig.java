package io.isthmus.connect.opcua;

import io.isthmus.connect.config.BackoffConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One OPC UA server the edge subscribes to.
 *
 * @param id name tags refer to; letters, digits, {@code _ - .}
 * @param endpoint the server's endpoint URL
 * @param security the policy and mode to ask for; the endpoint the server offers with exactly
 *     these is used, none else
 * @param pkiDir the client's PKI directory, used only when {@code security} is not None: its own
 *     certificate and key ({@code own/}, created on first use), the certificates it trusts ({@code
 *     trusted/certs}, e.g. the server's), CAs ({@code issuer/certs}) and refused server
 *     certificates ({@code rejected/})
 * @param applicationUri the client's ApplicationUri, also written into its certificate
 * @param clientKeyStore the client's own certificate and key from a PKCS#12 file; empty to use
 *     (and create on first use) the self-signed one in {@code pkiDir/own}
 * @param user credentials for a UserNameIdentityToken; empty for anonymous
 * @param publishingInterval how often the server sends the subscription's notifications
 * @param samplingInterval how often the server samples each item unless a tag sets its own
 * @param queueSize values the server queues per item between two publishes (1..1000)
 * @param connectTimeout how long the TCP connect, endpoint discovery and session activation may
 *     each take
 * @param requestTimeout how long one service request may take
 * @param backoff reconnect delays after a failed connect or a lost session
 */
public record OpcUaSourceConfig(
        String id,
        OpcUaEndpointUrl endpoint,
        OpcUaSecurity security,
        Path pkiDir,
        String applicationUri,
        Optional<ClientKeyStore> clientKeyStore,
        Optional<UserCredentials> user,
        Duration publishingInterval,
        Duration samplingInterval,
        int queueSize,
        Duration connectTimeout,
        Duration requestTimeout,
        BackoffConfig backoff) {

    public static final String DEFAULT_APPLICATION_URI = "urn:isthmus:connect:opcua-client";
    public static final Path DEFAULT_PKI_DIR = Path.of("pki", "opcua-client");

    public OpcUaSourceConfig {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "source id must be 1..64 of letters, digits, '_', '-', '.', was '" + id + "'");
        }
        Objects.requireNonNull(endpoint, id + ": endpoint");
        Objects.requireNonNull(security, id + ": security");
        Objects.requireNonNull(pkiDir, id + ": pkiDir");
        Objects.requireNonNull(clientKeyStore, id + ": clientKeyStore");
        Objects.requireNonNull(user, id + ": user");
        Objects.requireNonNull(backoff, id + ": backoff");
        requireAbsoluteUri(id, applicationUri);
        requireDuration(id, "publishingInterval", publishingInterval, Duration.ofMillis(1));
        requireDuration(id, "samplingInterval", samplingInterval, Duration.ZERO);
        requireDuration(id, "connectTimeout", connectTimeout, Duration.ofMillis(1));
        requireDuration(id, "requestTimeout", requestTimeout, Duration.ofMillis(1));
        if (queueSize < 1 || queueSize > 1000) {
            throw new IllegalArgumentException(id + ": queueSize must be 1..1000, was " + queueSize);
        }
    }

    /** A source with the defaults of {@link Builder}, changed by {@code configure}. */
    public static OpcUaSourceConfig create(String id, OpcUaEndpointUrl endpoint, Consumer<Builder> configure) {
        var b = new Builder(id, endpoint);
        configure.accept(b);
        return b.build();
    }

    static void requireDuration(String id, String name, Duration d, Duration min) {
        if (d == null || d.compareTo(min) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(
                    id + ": " + name + " must be " + (min.isZero() ? "0" : min) + "..1d, was " + d);
        }
    }

    private static void requireAbsoluteUri(String id, String uri) {
        try {
            if (uri == null || !new URI(uri).isAbsolute()) {
                throw new IllegalArgumentException(id + ": applicationUri '" + uri + "' is not an absolute URI");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(id + ": applicationUri '" + uri + "' is not a URI: " + e.getMessage());
        }
    }

    /**
     * Defaults: security None, pkiDir {@code pki/opcua-client}, anonymous, publishing 500 ms,
     * sampling 250 ms, queue 10, connect 5 s, request 5 s, {@link BackoffConfig#DEFAULT}.
     */
    public static final class Builder {
        private final String id;
        private final OpcUaEndpointUrl endpoint;
        public OpcUaSecurity security = OpcUaSecurity.NONE;
        public Path pkiDir = DEFAULT_PKI_DIR;
        public String applicationUri = DEFAULT_APPLICATION_URI;
        public Optional<ClientKeyStore> clientKeyStore = Optional.empty();
        public Optional<UserCredentials> user = Optional.empty();
        public Duration publishingInterval = Duration.ofMillis(500);
        public Duration samplingInterval = Duration.ofMillis(250);
        public int queueSize = 10;
        public Duration connectTimeout = Duration.ofSeconds(5);
        public Duration requestTimeout = Duration.ofSeconds(5);
        public BackoffConfig backoff = BackoffConfig.DEFAULT;

        private Builder(String id, OpcUaEndpointUrl endpoint) {
            this.id = id;
            this.endpoint = endpoint;
        }

        public OpcUaSourceConfig build() {
            return new OpcUaSourceConfig(
                    id,
                    endpoint,
                    security,
                    pkiDir,
                    applicationUri,
                    clientKeyStore,
                    user,
                    publishingInterval,
                    samplingInterval,
                    queueSize,
                    connectTimeout,
                    requestTimeout,
                    backoff);
        }
    }
}
