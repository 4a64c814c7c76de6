package io.isthmus.connect.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import io.isthmus.sim.opcua.EndpointSecurity;
import io.isthmus.sim.opcua.OpcUaServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Application authentication with Basic256Sha256 against the virtual factory's real OPC UA server:
 * each side accepts the other only when the other's certificate is in its trust list; None keeps
 * working on the same server.
 */
class OpcUaSecuritySimTest {
    static final TagPath SPEED_SETPOINT = SimLine.path("filling", "filler", "speedSetpoint");

    @TempDir
    static Path dirs;

    static SimLine line;
    static Path trustedClient;
    static Path untrustedClient;
    static Path distrustingClient;

    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeAll
    static void startSecureLineAndExchangeCertificates() throws Exception {
        int port = SimLine.freePort();
        line = new SimLine(OpcUaServerSettings.create(b -> b.port(port)
                .pkiDir(dirs.resolve("server"))
                .security(EnumSet.allOf(EndpointSecurity.class))
                .users(Map.of("operator", "s3cret"))));
        trustedClient = dirs.resolve("trusted-client");
        untrustedClient = dirs.resolve("untrusted-client");
        distrustingClient = dirs.resolve("distrusting-client");
        for (Path client : List.of(trustedClient, untrustedClient, distrustingClient)) {
            try (ClientPki pki = ClientPki.open(client, OpcUaSourceConfig.DEFAULT_APPLICATION_URI)) {
                if (client != untrustedClient) {
                    writeDer(
                            pki.certificate(),
                            line.server().trustedCertificatesDir().resolve(client.getFileName() + ".der"));
                }
            }
            if (client != distrustingClient) {
                writeDer(line.server().certificate(), client.resolve("trusted/certs/isthmus-sim.der"));
            }
        }
    }

    @AfterAll
    static void stopLine() {
        if (line != null) {
            line.close();
        }
    }

    @AfterEach
    void closeSources() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
    }

    private OpcUaSource start(String security, Path pkiDir, Received out) {
        return start(security, pkiDir, Optional.empty(), out);
    }

    private OpcUaSource start(String security, Path pkiDir, Optional<UserCredentials> user, Received out) {
        var config = OpcUaSourceConfig.create("secure", line.endpoint(), b -> {
            b.user = user;
            b.security = OpcUaSecurity.parse(security);
            b.pkiDir = pkiDir;
            b.publishingInterval = Duration.ofMillis(100);
            b.connectTimeout = Duration.ofSeconds(5);
            b.requestTimeout = Duration.ofSeconds(5);
            b.backoff = new BackoffConfig(Duration.ofMillis(200), Duration.ofSeconds(1), 2, 0.2);
        });
        var source = OpcUaSource.create(
                config, List.of(OpcUaTagConfig.of(SPEED_SETPOINT, "secure", line.nodeId(SPEED_SETPOINT))), out, out);
        closeLater.add(source);
        source.start();
        return source;
    }

    @Test
    void a_trusted_client_reads_over_sign_and_encrypt() throws Exception {
        var out = new Received();
        var source = start("basic256sha256-sign-and-encrypt", trustedClient, out);

        var sample = out.awaitSample("GOOD over SignAndEncrypt", 0, s -> s.quality() == Quality.GOOD);

        assertThat(sample.path()).isEqualTo(SPEED_SETPOINT);
        assertThat(source.state()).isInstanceOf(ConnectionState.Connected.class);
    }

    @Test
    void a_trusted_client_reads_over_sign() throws Exception {
        var out = new Received();
        start("basic256sha256-sign", trustedClient, out);

        assertThat(out.awaitSample("GOOD over Sign", 0, s -> s.quality() == Quality.GOOD)
                        .path())
                .isEqualTo(SPEED_SETPOINT);
    }

    @Test
    void a_client_missing_from_the_servers_trust_list_is_rejected_and_its_certificate_quarantined() throws Exception {
        var out = new Received();
        var source = start("basic256sha256-sign-and-encrypt", untrustedClient, out);

        var refused =
                (ConnectionState.BackingOff) out.awaitState("refused", 0, s -> s instanceof ConnectionState.BackingOff);

        assertThat(refused.lastError()).contains("Bad_SecurityChecksFailed");
        assertThat(source.stats().connects()).isZero();
        assertThat(out.samplesOf(SPEED_SETPOINT))
                .allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.BAD_COMM));
        assertThat(files(line.server().rejectedCertificatesDir())).isNotEmpty();
    }

    @Test
    void a_server_missing_from_the_clients_trust_list_is_refused_by_the_client() throws Exception {
        var out = new Received();
        var source = start("basic256sha256-sign", distrustingClient, out);

        var refused =
                (ConnectionState.BackingOff) out.awaitState("refused", 0, s -> s instanceof ConnectionState.BackingOff);

        assertThat(refused.lastError()).contains("Bad_SecurityChecksFailed");
        assertThat(source.stats().connects()).isZero();
        assertThat(files(distrustingClient.resolve(ClientPki.REJECTED_DIR))).isNotEmpty();
    }

    @Test
    void security_none_still_works_on_the_secure_server_without_any_certificate(@TempDir Path unused) throws Exception {
        var out = new Received();
        start("none", unused.resolve("pki"), out);

        assertThat(out.awaitSample("GOOD over None", 0, s -> s.quality() == Quality.GOOD)
                        .path())
                .isEqualTo(SPEED_SETPOINT);
        assertThat(unused.resolve("pki")).doesNotExist();
    }

    @Test
    void a_user_with_the_right_password_reads_and_a_wrong_password_is_refused() throws Exception {
        var accepted = new Received();
        var refused = new Received();
        start(
                "basic256sha256-sign-and-encrypt",
                trustedClient,
                Optional.of(new UserCredentials("operator", "s3cret")),
                accepted);
        var wrong = start(
                "basic256sha256-sign-and-encrypt",
                trustedClient,
                Optional.of(new UserCredentials("operator", "guess")),
                refused);

        assertThat(accepted.awaitSample("GOOD as operator", 0, s -> s.quality() == Quality.GOOD)
                        .path())
                .isEqualTo(SPEED_SETPOINT);
        var backingOff = (ConnectionState.BackingOff)
                refused.awaitState("refused", 0, s -> s instanceof ConnectionState.BackingOff);
        assertThat(backingOff.lastError()).contains("Bad_UserAccessDenied");
        assertThat(wrong.stats().connects()).isZero();
    }

    @Test
    void the_client_creates_its_certificate_on_first_use_and_keeps_it(@TempDir Path dir) throws Exception {
        X509Certificate first;
        try (ClientPki pki = ClientPki.open(dir, "urn:example:client")) {
            first = pki.certificate();
        }
        try (ClientPki pki = ClientPki.open(dir, "urn:example:client")) {
            assertThat(pki.certificate()).isEqualTo(first);
        }
        assertThat(Files.readAllBytes(dir.resolve("own/client.der"))).isEqualTo(first.getEncoded());
        assertThat(dir.resolve("trusted/certs")).isDirectory();
        assertThat(dir.resolve("issuer/certs")).isDirectory();
        try (ClientPki pki = ClientPki.open(dir, "urn:example:other")) {
            assertThat(pki.certificate())
                    .as("a new ApplicationUri needs a new certificate")
                    .isNotEqualTo(first);
        }
    }

    private static void writeDer(X509Certificate certificate, Path file)
            throws IOException, CertificateEncodingException {
        // written beside the watched directory and moved in, so the watcher never reads half a file
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(dirs, "cert", ".tmp");
        Files.write(tmp, certificate.getEncoded());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
