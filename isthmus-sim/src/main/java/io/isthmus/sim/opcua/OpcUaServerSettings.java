package io.isthmus.sim.opcua;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where and how the virtual factory's OPC UA server listens.
 *
 * @param bindAddress the local address the TCP listener binds to; loopback by default, so the
 *     simulator is never reachable from the network unless asked for
 * @param port the TCP port, 4840 by default (the IANA port for opc.tcp)
 * @param hostname the host put into endpoint URLs (OPC UA Part 6, 7.2 "opc.tcp://host:port/path");
 *     derived from a specific bind address, required for the wildcard address
 * @param path the endpoint URL path, e.g. {@code /isthmus}
 * @param applicationName the ApplicationDescription name clients show
 * @param applicationUri the ApplicationUri, also written into the application certificate's
 *     subjectAltName (OPC UA Part 6, 6.2.2)
 * @param security the endpoints offered, one per security policy and mode
 * @param minimumSamplingInterval the fastest the server samples a point for a subscription; a
 *     client asking for 0 ("as fast as possible") gets this instead of a busy loop
 * @param pkiDir where the server keeps its self-signed application certificate and key, and its
 *     trust list of client certificates ({@code trusted/certs}, refused ones in {@code rejected})
 * @param users user names and passwords accepted in a UserNameIdentityToken besides anonymous
 *     (OPC UA Part 4, 7.36.4); empty for anonymous only. A test bench's accounts, held in memory
 */
public record OpcUaServerSettings(
        InetAddress bindAddress,
        int port,
        String hostname,
        String path,
        String applicationName,
        String applicationUri,
        Set<EndpointSecurity> security,
        Duration minimumSamplingInterval,
        Path pkiDir,
        Map<String, String> users) {

    public static final int DEFAULT_PORT = 4840;
    public static final String DEFAULT_PATH = "/isthmus";
    public static final String DEFAULT_APPLICATION_NAME = "Isthmus virtual factory";
    public static final String DEFAULT_APPLICATION_URI = "urn:isthmus:sim:opcua-server";
    public static final Duration DEFAULT_MINIMUM_SAMPLING_INTERVAL = Duration.ofMillis(50);

    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final Duration MAX_SAMPLING_INTERVAL = Duration.ofHours(1);

    public OpcUaServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        hostname = hostname == null ? hostnameFor(bindAddress) : hostname;
        if (hostname.isBlank() || hostname.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("hostname '" + hostname + "' is blank or contains whitespace");
        }
        Objects.requireNonNull(path, "path");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path '" + path
                    + "' must start with '/' and use only letters, digits, '.', '_', '~', '-' between slashes");
        }
        if (applicationName == null || applicationName.isBlank()) {
            throw new IllegalArgumentException("applicationName must not be blank");
        }
        requireAbsoluteUri(applicationUri);
        if (security == null || security.isEmpty()) {
            throw new IllegalArgumentException("security must offer at least one endpoint security");
        }
        security = Collections.unmodifiableSet(EnumSet.copyOf(security));
        Objects.requireNonNull(minimumSamplingInterval, "minimumSamplingInterval");
        if (minimumSamplingInterval.isNegative()
                || minimumSamplingInterval.isZero()
                || minimumSamplingInterval.compareTo(MAX_SAMPLING_INTERVAL) > 0) {
            throw new IllegalArgumentException("minimumSamplingInterval " + minimumSamplingInterval
                    + " must be > 0 and <= " + MAX_SAMPLING_INTERVAL);
        }
        Objects.requireNonNull(pkiDir, "pkiDir");
        Objects.requireNonNull(users, "users");
        users.forEach((name, password) -> {
            if (name == null || name.isBlank() || password == null) {
                throw new IllegalArgumentException("users: a user name must not be blank and a password not null");
            }
        });
        users = Map.copyOf(users);
    }

    /** Loopback, port 4840, no security, certificate under the system temp directory. */
    public static OpcUaServerSettings defaults() {
        return new Builder().build();
    }

    /** Defaults changed by {@code changes}, e.g. {@code create(b -> b.port(4841))}. */
    public static OpcUaServerSettings create(Consumer<Builder> changes) {
        Builder builder = new Builder();
        changes.accept(builder);
        return builder.build();
    }

    /** The URL clients connect to, e.g. {@code opc.tcp://127.0.0.1:4840/isthmus}. */
    public String endpointUrl() {
        return "opc.tcp://" + hostname + ":" + port + path;
    }

    private static String hostnameFor(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            throw new IllegalArgumentException("hostname is required when binding to the wildcard address "
                    + address.getHostAddress() + ": clients need a name that reaches this host");
        }
        String literal = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + literal + "]" : literal;
    }

    private static void requireAbsoluteUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("applicationUri must not be blank");
        }
        try {
            if (!new URI(uri).isAbsolute()) {
                throw new IllegalArgumentException("applicationUri '" + uri + "' is not an absolute URI");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("applicationUri '" + uri + "' is not a URI: " + e.getMessage(), e);
        }
    }

    /** Mutable defaults for {@link #create(Consumer)}. */
    public static final class Builder {
        private InetAddress bindAddress = loopbackV4();
        private int port = DEFAULT_PORT;
        private String hostname;
        private String path = DEFAULT_PATH;
        private String applicationName = DEFAULT_APPLICATION_NAME;
        private String applicationUri = DEFAULT_APPLICATION_URI;
        private Set<EndpointSecurity> security = EnumSet.of(EndpointSecurity.NONE);
        private Duration minimumSamplingInterval = DEFAULT_MINIMUM_SAMPLING_INTERVAL;
        private Path pkiDir = Path.of(System.getProperty("java.io.tmpdir"), "isthmus-opcua-pki");
        private Map<String, String> users = Map.of();

        private Builder() {}

        public Builder bindAddress(InetAddress value) {
            bindAddress = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Null derives the host from the bind address. */
        public Builder hostname(String value) {
            hostname = value;
            return this;
        }

        public Builder path(String value) {
            path = value;
            return this;
        }

        public Builder applicationName(String value) {
            applicationName = value;
            return this;
        }

        public Builder applicationUri(String value) {
            applicationUri = value;
            return this;
        }

        public Builder security(Set<EndpointSecurity> value) {
            security = value;
            return this;
        }

        public Builder minimumSamplingInterval(Duration value) {
            minimumSamplingInterval = value;
            return this;
        }

        public Builder pkiDir(Path value) {
            pkiDir = value;
            return this;
        }

        /** User name to password; empty (the default) for anonymous access only. */
        public Builder users(Map<String, String> value) {
            users = value;
            return this;
        }

        public OpcUaServerSettings build() {
            return new OpcUaServerSettings(
                    bindAddress,
                    port,
                    hostname,
                    path,
                    applicationName,
                    applicationUri,
                    security,
                    minimumSamplingInterval,
                    pkiDir,
                    users);
        }

        private static InetAddress loopbackV4() {
            try {
                return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a 4-byte address is always valid", e);
            }
        }
    }
}
