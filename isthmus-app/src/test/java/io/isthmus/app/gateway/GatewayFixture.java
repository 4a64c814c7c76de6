package io.isthmus.app.gateway;

import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.gateway.AccessGateway;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.Authenticator;
import io.isthmus.access.identity.PasswordHash;
import io.isthmus.access.identity.Person;
import io.isthmus.access.identity.ServiceAccount;
import io.isthmus.access.identity.ThrottleLimits;
import io.isthmus.access.identity.TokenLimits;
import io.isthmus.access.identity.Tokens;
import io.isthmus.access.identity.UserDirectory;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.config.TagConfigYaml;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.duckdb.DuckDbHistorian;
import io.isthmus.wire.modbus.ModbusRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test topology: the virtual factory's PLCs on 127.0.0.10 (zone {@code cell}), the gateway
 * whose address towards OT is 127.0.0.50 (zone {@code dmz}), a conduit dmz → cell that carries
 * Modbus writes and control, a DuckDB historian with a value per tag, real TLS key material made by
 * the JDK's keytool, and the people and services of the role matrix.
 */
final class GatewayFixture implements AutoCloseable {
    static final InetAddress PLC_HOST = address("127.0.0.10");
    static final String CONVEYOR = "acme/springfield/packaging/line1/transport/conveyor/";
    static final TagPath SPEED = TagPath.parse(CONVEYOR + "speedSetpoint");
    static final TagPath PROCESS = TagPath.parse(CONVEYOR + "processSetpoint");
    static final TagPath RUN = TagPath.parse(CONVEYOR + "runCommand");
    static final TagPath RUNNING = TagPath.parse(CONVEYOR + "running");
    static final TagPath TEMP_LIMIT = TagPath.parse(CONVEYOR + "temperatureLimit");
    static final char[] PW = "correct horse battery".toCharArray();
    static final byte[] TOTP = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TOTP_BOB = "abcdefghijabcdefghij".getBytes(StandardCharsets.US_ASCII);

    /** The named recipe of the fixture's configuration: speed and process setpoint, one FC 16 at 0..1. */
    static final io.isthmus.access.gateway.Recipe LINE_SPEED = new io.isthmus.access.gateway.Recipe(
            "line-speed",
            "conveyor at 150, process 60",
            List.of(
                    new io.isthmus.access.gateway.WriteItem(SPEED, 150),
                    new io.isthmus.access.gateway.WriteItem(PROCESS, 60)));

    static final String POLICY = policy("gateway-to-cell", "0..1", """
            - name: viewer
              permissions:
                - zone: cell
                  actions: [read]
            - name: planner
              permissions:
                - zone: cell
                  asset: conveyor
                  actions: [read]
            - name: vendor
              permissions:
                - asset: conveyor
                  actions: [read, program]
                  subject: { company: beltco, site: $site }
            """);

    /**
     * A policy over the test topology: zones {@code cell} (the PLC) and {@code dmz} (the gateway),
     * one Modbus conduit dmz → cell named {@code conduit} for writes and control (FC 5, 6, 16) over
     * {@code addresses}, and the roles every gateway test uses (operator on the conveyor, approver
     * on the cell) followed by {@code moreRoles} (items of the roles list, unindented).
     */
    static String policy(String conduit, String addresses, String moreRoles) {
        return """
                zones:
                  - name: cell
                    level: "1"
                    networks: [127.0.0.10/32]
                  - name: dmz
                    level: "3.5"
                    networks: [127.0.0.48/28]
                conduits:
                  - name: %s
                    from: dmz
                    to: cell
                    protocols: [modbus]
                    access: [write, control]
                    functions: [5, 6, 16]
                    addresses: ["%s"]
                access:
                  protected-zones: [cell]
                  roles:
                    - name: operator
                      permissions:
                        - zone: cell
                          tags: acme/springfield/packaging/line1/transport/conveyor
                          actions: [read, write, control]
                    - name: approver
                      permissions:
                        - zone: cell
                          actions: [read, approve]
                """.formatted(conduit, addresses) + moreRoles.indent(4);
    }

    final Path dir;
    final VirtualFactory factory;
    final PlcEndpoint conveyor;
    final List<String> plcRequests = new CopyOnWriteArrayList<>();
    final DuckDbHistorian historian;
    final AuditLog audit;
    final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final KeyPair tokenKeys;
    final MutableClock clock = new MutableClock(Instant.now());
    final AccessGateway gateway;
    final GatewayServer server;
    final SSLContext clientTls;
    final SSLContext serviceTls;
    final SSLContext strangerTls;
    final int port;
    final Authenticator auth;
    final PolicyYaml.PolicyFile files;
    final ModbusOtPath ot;
    final List<Account> accounts = users();

    GatewayFixture(GatewayLimits limits) throws Exception {
        this(limits, null);
    }

    /**
     * @param listener where the gateway's audit events go; {@code null}: into {@link #events}, which
     *     tests read (a benchmark passes its own: that list grows, and copies itself, with every read)
     */
    GatewayFixture(GatewayLimits limits, java.util.function.Consumer<AuditEvent> listener) throws Exception {
        this(limits, listener, AuditConfig.DEFAULT);
    }

    GatewayFixture(GatewayLimits limits, java.util.function.Consumer<AuditEvent> listener, AuditConfig auditConfig)
            throws Exception {
        dir = Files.createTempDirectory("isthmus-gateway");
        factory = startFactory(dir);
        conveyor = factory.plcs().getFirst();
        historian = DuckDbHistorian.open(HistorianConfig.create(dir.resolve("historian")));
        historian.append(List.of(
                new Sample(SPEED, Instant.now(), Value.of(120.0), Quality.GOOD),
                new Sample(RUNNING, Instant.now(), Value.of(true), Quality.GOOD)));
        audit = AuditLog.open(dir.resolve("audit"), auditConfig, Clock.systemUTC(), w -> {});
        tokenKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pki = Files.createDirectories(dir.resolve("pki"));
        keytool(pki, "server.p12", "gateway", "CN=gateway", "san=ip:127.0.0.1");
        keytool(pki, "mes.p12", "mes", "CN=mes,O=Acme", null);
        keytool(pki, "stranger.p12", "stranger", "CN=stranger", null);
        exportInto(pki, "mes.p12", "mes", "clients.p12");
        exportInto(pki, "stranger.p12", "stranger", "clients.p12");
        files = PolicyYaml.parseFile("policy.yaml", POLICY.getBytes(StandardCharsets.UTF_8));
        var devices = TagConfigYaml.parse("devices.yaml", devices(conveyor).getBytes(StandardCharsets.UTF_8));
        ot = new ModbusOtPath(devices, files.policy(), address("127.0.0.50"), warnings::add);
        auth = new Authenticator(
                new UserDirectory(accounts),
                new Tokens(tokenKeys.getPublic(), "isthmus-gateway", "isthmus-gateway", TokenLimits.DEFAULT),
                new ThrottleLimits(5, 50, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000));
        gateway = gatewayOver(files, audit, ot, listener != null ? listener : events::add, clock, limits);
        SSLContext serverTls = new GatewayTls(
                        pki.resolve("server.p12"),
                        "changeit".toCharArray(),
                        Optional.of(pki.resolve("clients.p12")),
                        "changeit".toCharArray())
                .context();
        server = new GatewayServer(gateway, serverTls, true, new InetSocketAddress("127.0.0.1", 0), List.of(LINE_SPEED))
                .start();
        port = server.port();
        clientTls = client(pki, null);
        serviceTls = client(pki, "mes.p12");
        strangerTls = client(pki, "stranger.p12");
    }

    private VirtualFactory startFactory(Path dir) throws IOException {
        int opcUa;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUa = free.getLocalPort();
        }
        return VirtualFactory.start(
                VirtualFactoryConfig.defaults().with(b -> {
                    b.bindAddress = PLC_HOST;
                    b.modbusBasePort = 0;
                    b.opcUaPort = opcUa;
                    b.pkiDir = dir.resolve("sim-pki");
                }),
                (remote, unit, request, response) -> {
                    if (!(request instanceof ModbusRequest.ReadCoils
                            || request instanceof ModbusRequest.ReadHoldingRegisters
                            || request instanceof ModbusRequest.ReadDiscreteInputs
                            || request instanceof ModbusRequest.ReadInputRegisters)) {
                        plcRequests.add(remote.getAddress().getHostAddress() + " " + request);
                    }
                },
                step -> {});
    }

    private static String devices(PlcEndpoint plc) {
        return devices(plc.hostPort());
    }

    static String devices(String plc) {
        return """
                sources:
                  - id: conveyor
                    kind: modbus-tcp
                    endpoint: %s
                    unit-id: 1
                tags:
                  - path: %sspeedSetpoint
                    source: conveyor
                    address: holding:0:uint16
                  - path: %sprocessSetpoint
                    source: conveyor
                    address: holding:1:uint16
                  - path: %stemperatureLimit
                    source: conveyor
                    address: holding:2:int16:scale=0.1
                  - path: %srunCommand
                    source: conveyor
                    address: coil:0
                  - path: %srunning
                    source: conveyor
                    address: discrete:0
                """.formatted(plc, CONVEYOR, CONVEYOR, CONVEYOR, CONVEYOR, CONVEYOR);
    }

    private static List<Account> users() {
        SecureRandom r = new SecureRandom();
        PasswordHash h = PasswordHash.create(PW, PasswordHash.MIN_ITERATIONS, r);
        return List.of(
                new Person("alice", Set.of("operator"), h, TOTP),
                new Person("bob", Set.of("approver"), h, TOTP_BOB),
                new Person("dave", Set.of("approver"), h, "dddddddddddddddddddd".getBytes(StandardCharsets.US_ASCII)),
                new Person("carol", Set.of("viewer"), h, "cccccccccccccccccccc".getBytes(StandardCharsets.US_ASCII)),
                new Person("mallory", Set.of(), h, "mmmmmmmmmmmmmmmmmmmm".getBytes(StandardCharsets.US_ASCII)),
                // the account GatewayTest's lockout case locks; no other case signs in as her
                new Person("eve", Set.of(), h, "eeeeeeeeeeeeeeeeeeee".getBytes(StandardCharsets.US_ASCII)),
                new ServiceAccount("mes", Set.of("planner"), Optional.of("CN=mes,O=Acme")),
                // the conveyor's maker's technician, and one of another vendor holding the same role
                new Person(
                        "sam",
                        Set.of("vendor"),
                        h,
                        "ssssssssssssssssssss".getBytes(StandardCharsets.US_ASCII),
                        Map.of("company", "beltco", "site", "springfield")),
                new Person(
                        "tom",
                        Set.of("vendor"),
                        h,
                        "tttttttttttttttttttt".getBytes(StandardCharsets.US_ASCII),
                        Map.of("company", "pressco", "site", "springfield")));
    }

    /** Another gateway over the same policy, devices and historian: a restart, with its own log and path to OT. */
    AccessGateway gatewayOver(AuditLog log, io.isthmus.access.gateway.OtPath path, Clock c, GatewayLimits limits) {
        return gatewayOver(files, log, path, events::add, c, limits);
    }

    /** A gateway of the fixture's people and historian, at its address towards OT, over the rest as given. */
    AccessGateway gatewayOver(
            PolicyYaml.PolicyFile policy,
            AuditLog log,
            io.isthmus.access.gateway.OtPath path,
            java.util.function.Consumer<AuditEvent> listener,
            Clock c,
            GatewayLimits limits) {
        return new AccessGateway(new AccessGateway.Parts(
                auth,
                policy.policy(),
                policy.access(),
                path,
                historian::latest,
                log,
                listener,
                c,
                address("127.0.0.50"),
                limits));
    }

    Account account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    static byte[] secretOf(String user) {
        return switch (user) {
            case "alice" -> TOTP;
            case "bob" -> TOTP_BOB;
            default -> user.substring(0, 1).repeat(20).getBytes(StandardCharsets.US_ASCII);
        };
    }

    /** A self-signed EC key in {@code dir/store} (password {@code changeit}), made by the JDK's keytool. */
    static void keytool(Path dir, String store, String alias, String dname, String ext) throws Exception {
        new io.isthmus.app.KeytoolPki(dir, "changeit").keyPair(store, alias, dname, ext);
    }

    /** Adds the certificate of {@code alias} in {@code store} to the trust store {@code trust}. */
    private static void exportInto(Path dir, String store, String alias, String trust) throws Exception {
        io.isthmus.app.KeytoolPki pki = new io.isthmus.app.KeytoolPki(dir, "changeit");
        pki.exportCertificate(store, alias, alias + ".crt");
        pki.keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                alias,
                "-file",
                alias + ".crt",
                "-storetype",
                "PKCS12",
                "-keystore",
                trust);
    }

    /** Trusts the gateway's certificate; presents {@code keyStore}'s key when given (mTLS). */
    static SSLContext client(Path pki, String keyStore) throws Exception {
        KeyStore server = load(pki.resolve("server.p12"));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", server.getCertificate("gateway"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(pki.resolve(keyStore)), "changeit".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    String url(String path) {
        return "https://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws Exception {
        server.close();
        audit.close();
        historian.close();
        factory.close();
    }

    /** A clock the test moves: approval expiry without sleeping. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
