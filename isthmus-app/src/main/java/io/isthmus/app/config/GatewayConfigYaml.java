package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.gateway.GatewaySettings;
import io.isthmus.app.gateway.UserFile;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.model.IpLiteral;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the optional {@code gateway:} section of a hub's configuration (docs/access.md):
 *
 * <pre>
 * gateway:
 *   users: gateway-users.json      # isthmus gateway user add NAME --users gateway-users.json
 *   policy: zones.yaml             # zones, conduits and the access: section
 *   address: 127.0.0.50            # the gateway's own address towards OT (a zone of the policy)
 *   devices: edge.yaml             # the device table: an edge's (or a tag) configuration
 *   audit: audit                   # the audit log's directory
 *   token-key: gateway-token.pub   # optional; default: beside the users file
 *   approval-expiry: 10m           # optional
 *   session-lifetime: 15m          # optional
 *   audit-max-size: 1GiB           # optional
 *   recipes: recipes.yaml          # optional: named recipes ({@link RecipeFileYaml})
 *   client-ca: gateway-clients.pem # optional: the CA of service accounts' client certificates
 * </pre>
 *
 * With it, the hub serves {@code /gw/...} and {@code /api/audit}, and must serve TLS 1.3 ({@code
 * hub.ingest.tls}) unless it listens on a loopback address. Every file named is loaded here, so each
 * mistake is reported before the hub starts, as {@code file:line:column: what is wrong}. Relative
 * paths are resolved against the configuration's directory.
 */
public final class GatewayConfigYaml {
    static final List<String> FIELDS = List.of(
            "users",
            "policy",
            "address",
            "devices",
            "audit",
            "token-key",
            "approval-expiry",
            "session-lifetime",
            "audit-max-size",
            "recipes");

    /**
     * The hub's {@code gateway:} section's fields besides {@link #FIELDS}: {@code client-ca}, the CA
     * of service accounts' client certificates on the hub's shared listener (the standalone gateway
     * has {@code trust-store}).
     */
    static final List<String> HUB_FIELDS = List.of("client-ca");

    /** The standalone gateway's fields besides {@link #FIELDS} ({@code isthmus gateway serve}). */
    static final List<String> SERVE_FIELDS =
            List.of("listen", "keystore", "password-file", "trust-store", "trust-password-file", "historian");

    private GatewayConfigYaml() {}

    /**
     * The standalone gateway ({@code isthmus gateway serve --config gateway.yaml}): always HTTPS,
     * TLS 1.3 only.
     *
     * @param historian answers reads when given (a historian directory no other process has open)
     */
    public record Standalone(
            java.net.InetSocketAddress listen,
            io.isthmus.app.gateway.GatewayTls tls,
            Optional<Path> historian,
            GatewaySettings gateway) {}

    /** The standalone gateway's configuration: one {@code gateway:} section with listen and TLS fields. */
    public static Standalone loadStandalone(Path file) throws TagConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TagConfigException("cannot read gateway configuration " + file + ": " + e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parseStandalone(file.toString(), bytes, base == null ? Path.of("") : base);
    }

    public static Standalone parseStandalone(String source, byte[] yaml, Path baseDir) throws TagConfigException {
        List<String> allowed = new java.util.ArrayList<>(FIELDS);
        allowed.addAll(SERVE_FIELDS);
        try (JsonParser p = TagConfigYaml.yaml().createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
                throw TagConfigYaml.error(source, p.currentTokenLocation(), "expected a mapping with 'gateway'");
            }
            JsonLocation at = p.currentTokenLocation();
            if (!p.currentName().equals("gateway") || p.nextToken() != JsonToken.START_OBJECT) {
                throw TagConfigYaml.error(source, at, "expected one section 'gateway:', a mapping with " + allowed);
            }
            Map<String, ScalarSection.Value> f = ScalarSection.read(source, p, "gateway", allowed);
            if (p.nextToken() == JsonToken.FIELD_NAME) {
                throw TagConfigYaml.error(
                        source,
                        p.currentTokenLocation(),
                        "unknown field '" + p.currentName() + "'; the file has one section, gateway");
            }
            for (String required : List.of("listen", "keystore", "password-file")) {
                if (!f.containsKey(required)) {
                    throw TagConfigYaml.error(source, at, "gateway: missing field '" + required + "'");
                }
            }
            java.net.InetSocketAddress listen = listen(source, f.get("listen"));
            Optional<Path> trust = Optional.ofNullable(f.get("trust-store")).map(v -> path(baseDir, v));
            if (trust.isPresent() != f.containsKey("trust-password-file")) {
                throw TagConfigYaml.error(
                        source, at, "gateway: trust-store and trust-password-file go together (mTLS)");
            }
            io.isthmus.app.gateway.GatewayTls tls = new io.isthmus.app.gateway.GatewayTls(
                    readable(source, f.get("keystore"), baseDir),
                    secret(source, f.get("password-file"), baseDir),
                    trust.isPresent() ? Optional.of(readable(source, f.get("trust-store"), baseDir)) : Optional.empty(),
                    trust.isPresent() ? secret(source, f.get("trust-password-file"), baseDir) : new char[0]);
            Optional<Path> historian = Optional.ofNullable(f.get("historian")).map(v -> path(baseDir, v));
            return new Standalone(listen, tls, historian, settings(source, f, at, baseDir));
        } catch (JsonProcessingException e) {
            throw TagConfigYaml.error(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
    }

    /** {@code host:port}; port 0 takes any free port (printed at start). */
    private static java.net.InetSocketAddress listen(String source, ScalarSection.Value v) throws TagConfigException {
        String text = v.text();
        int colon = text.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 0 || port > 65535) {
            throw TagConfigYaml.error(
                    source, v.at(), "gateway.listen: '" + text + "' is not host:port (port 0..65535, 0 for any)");
        }
        return new java.net.InetSocketAddress(text.substring(0, colon), port);
    }

    private static Path readable(String source, ScalarSection.Value v, Path baseDir) throws TagConfigException {
        Path file = path(baseDir, v);
        if (!Files.isReadable(file)) {
            throw TagConfigYaml.error(source, v.at(), "gateway: " + file + " cannot be read");
        }
        return file;
    }

    private static char[] secret(String source, ScalarSection.Value v, Path baseDir) throws TagConfigException {
        try {
            return SecretFile.read("gateway password file", path(baseDir, v)).toCharArray();
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, v.at(), e.getMessage());
        }
    }

    /** Empty when the file has no {@code gateway:} section; {@code hub} is the file's hub section. */
    public static Optional<GatewaySettings> load(Path file, HubSettings hub) throws TagConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TagConfigException("cannot read hub configuration " + file + ": " + e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), bytes, base == null ? Path.of("") : base, hub);
    }

    public static Optional<GatewaySettings> parse(String source, byte[] yaml, Path baseDir, HubSettings hub)
            throws TagConfigException {
        List<String> fields = new java.util.ArrayList<>(FIELDS);
        fields.addAll(HUB_FIELDS);
        Optional<ScalarSection.Found> found = ScalarSection.find(source, yaml, "gateway", fields);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        channel(source, found.get().at(), hub);
        GatewaySettings settings =
                settings(source, found.get().fields(), found.get().at(), baseDir);
        ScalarSection.Value clientCa = found.get().fields().get("client-ca");
        return Optional.of(
                clientCa == null ? settings : settings.withClientCa(clientCa(source, clientCa, baseDir, hub)));
    }

    /**
     * {@code gateway.client-ca}: PEM certificates of the CA that issues service accounts' client
     * certificates, distinct from the edges' {@code hub.ingest.tls.client-ca}; it needs the hub's TLS.
     */
    private static Path clientCa(String source, ScalarSection.Value v, Path baseDir, HubSettings hub)
            throws TagConfigException {
        if (hub.ingest().tls().isEmpty()) {
            throw TagConfigYaml.error(
                    source,
                    v.at(),
                    "gateway.client-ca: client certificates need TLS on the hub's listener; add hub.ingest.tls"
                            + " (keystore, password-file)");
        }
        Path file = path(baseDir, v);
        try {
            io.isthmus.app.edge.HubTrust.certificates(file, "gateway.client-ca");
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, v.at(), e.getMessage());
        }
        return file;
    }

    /**
     * The line printed at start when service accounts' certificates are checked against the edges'
     * CA (a {@code gateway:} section without {@code client-ca} on a hub with {@code
     * hub.ingest.tls.client-ca}), or empty.
     */
    public static Optional<String> sharedCaWarning(HubSettings hub, Optional<GatewaySettings> gateway) {
        boolean edgeCa = hub.ingest().tls().flatMap(t -> t.clientCa()).isPresent();
        return gateway.isPresent() && gateway.get().clientCa().isEmpty() && edgeCa
                ? Optional.of("gateway service certificates are checked against hub.ingest.tls.client-ca, the"
                        + " edges' CA: give the gateway its own CA with gateway.client-ca (docs/access.md); until"
                        + " then a certificate mapped in the gateway's users file is refused by the ingest")
                : Optional.empty();
    }

    /**
     * The line printed at start when the hub carries the gateway over plain HTTP (allowed only on a
     * loopback address), or empty.
     */
    public static Optional<String> plainHttpWarning(HubSettings hub) {
        return hub.ingest().tls().isPresent()
                ? Optional.empty()
                : Optional.of("gateway on loopback without TLS: the channel never leaves this host");
    }

    /** Passwords, TOTP codes and session tokens cross this channel: TLS, or a channel that stays on this host. */
    private static void channel(String source, JsonLocation at, HubSettings hub) throws TagConfigException {
        InetAddress listen = hub.listen().getAddress();
        if (hub.ingest().tls().isEmpty() && (listen == null || !listen.isLoopbackAddress())) {
            throw TagConfigYaml.error(
                    source,
                    at,
                    "gateway: the hub listens on " + hub.listen().getHostString()
                            + " without TLS, and the gateway's logins would cross the network in clear; add"
                            + " hub.ingest.tls (keystore, password-file) or listen on a loopback address");
        }
    }

    private static GatewaySettings settings(
            String source, Map<String, ScalarSection.Value> f, JsonLocation sectionAt, Path baseDir)
            throws TagConfigException {
        for (String required : List.of("users", "policy", "address", "devices", "audit")) {
            if (!f.containsKey(required)) {
                throw TagConfigYaml.error(source, sectionAt, "gateway: missing field '" + required + "'");
            }
        }
        Path users = path(baseDir, f.get("users"));
        try {
            UserFile.load(users);
        } catch (IOException e) {
            throw TagConfigYaml.error(source, f.get("users").at(), "gateway.users: " + e.getMessage());
        }
        if (!Files.isRegularFile(users)) {
            throw TagConfigYaml.error(
                    source,
                    f.get("users").at(),
                    "gateway.users: " + users + " does not exist; create it with: isthmus gateway user add NAME"
                            + " --users " + users + " --role operator");
        }
        PolicyYaml.PolicyFile policy;
        try {
            policy = PolicyYaml.loadFile(path(baseDir, f.get("policy")));
        } catch (PolicyYaml.PolicyFileException e) {
            throw new TagConfigException(YamlProblems.at(source, f.get("policy").at(), "gateway.policy: ")
                    + String.join("; ", e.problems()));
        }
        ConnectConfig devices = devices(source, f.get("devices"), baseDir);
        InetAddress address = address(source, f.get("address"));
        Optional<Path> tokenKey = Optional.ofNullable(f.get("token-key")).map(v -> path(baseDir, v));
        if (tokenKey.isPresent() && !Files.isReadable(tokenKey.get())) {
            throw TagConfigYaml.error(
                    source, f.get("token-key").at(), "gateway.token-key: " + tokenKey.get() + " cannot be read");
        }
        GatewayLimits d = GatewayLimits.DEFAULT;
        try {
            GatewayLimits limits = new GatewayLimits(
                    duration(source, f.get("session-lifetime"), d.sessionLifetime()),
                    d.maxSessions(),
                    duration(source, f.get("approval-expiry"), d.approvalExpiry()),
                    d.maxPending(),
                    d.maxBatch());
            return new GatewaySettings(
                            users,
                            tokenKey,
                            policy,
                            address,
                            devices,
                            path(baseDir, f.get("audit")),
                            auditConfig(source, f.get("audit-max-size")),
                            limits)
                    .withRecipes(recipes(source, f.get("recipes"), baseDir, devices, policy, address));
        } catch (IllegalArgumentException e) {
            JsonLocation at = e.getMessage().contains("address")
                    ? f.get("address").at()
                    : e.getMessage().contains("approvalExpiry") && f.containsKey("approval-expiry")
                            ? f.get("approval-expiry").at()
                            : e.getMessage().contains("sessionLifetime") && f.containsKey("session-lifetime")
                                    ? f.get("session-lifetime").at()
                                    : sectionAt;
            throw TagConfigYaml.error(source, at, "gateway: " + e.getMessage());
        }
    }

    /** {@code gateway.recipes}: each named recipe checked against the device table, as at request time. */
    private static List<io.isthmus.access.gateway.Recipe> recipes(
            String source,
            ScalarSection.Value v,
            Path baseDir,
            ConnectConfig devices,
            PolicyYaml.PolicyFile policy,
            InetAddress address)
            throws TagConfigException {
        if (v == null) {
            return List.of();
        }
        Path file = path(baseDir, v);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw TagConfigYaml.error(source, v.at(), "gateway.recipes: cannot read " + file + ": " + e.getMessage());
        }
        return RecipeFileYaml.parse(
                file.toString(),
                bytes,
                items -> io.isthmus.app.gateway.ModbusOtPath.checkRecipe(devices, policy.policy(), address, items));
    }

    private static ConnectConfig devices(String source, ScalarSection.Value v, Path baseDir) throws TagConfigException {
        Path file = path(baseDir, v);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw TagConfigYaml.error(source, v.at(), "gateway.devices: cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        ConnectConfig c = TagConfigYaml.parseAll(
                        file.toString(), bytes, Map.of("edge", (p, at) -> p.skipChildren()), dir)
                .modbus();
        if (c.tags().isEmpty()) {
            throw TagConfigYaml.error(
                    source, v.at(), "gateway.devices: " + file + " has no Modbus tags, so nothing could be written");
        }
        return c;
    }

    private static InetAddress address(String source, ScalarSection.Value v) throws TagConfigException {
        try {
            return IpLiteral.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(
                    source, v.at(), "gateway.address: '" + v.text() + "' is not an IP address: " + e.getMessage());
        }
    }

    private static AuditConfig auditConfig(String source, ScalarSection.Value v) throws TagConfigException {
        if (v == null) {
            return AuditConfig.DEFAULT;
        }
        try {
            return AuditConfig.DEFAULT.withMaxBytes(ByteSizeText.parse(v.text()));
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, v.at(), "gateway.audit-max-size: " + e.getMessage());
        }
    }

    private static Path path(Path baseDir, ScalarSection.Value v) {
        return baseDir.resolve(v.text()).normalize();
    }

    private static Duration duration(String source, ScalarSection.Value v, Duration fallback)
            throws TagConfigException {
        if (v == null) {
            return fallback;
        }
        try {
            return DurationText.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, v.at(), "gateway: " + e.getMessage());
        }
    }
}
