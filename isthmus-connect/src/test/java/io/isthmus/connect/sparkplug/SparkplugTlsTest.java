package io.isthmus.connect.sparkplug;

import static io.isthmus.connect.sparkplug.BrokerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Quality;
import io.isthmus.sim.process.BottlingLine;
import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.process.LineProcessImage;
import io.isthmus.sim.sparkplug.SparkplugLine;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT over TLS for the Sparkplug source against Debian's mosquitto with a TLS listener: the
 * broker's key and certificate and a client CA made by the JDK's keytool in the test (no
 * checked-in secrets). The virtual line's edge nodes publish on the broker's plain loopback
 * listener; the source consumes over TLS only.
 */
class SparkplugTlsTest {
    @TempDir
    Path dir;

    final String password = "test-" + Long.toHexString(System.nanoTime()) + "-pw";

    @Test
    void theSourceConsumesOverTlsWithAClientCertificateAndRefusesABrokerItDoesNotTrust() throws Exception {
        genKeyPair("broker", "CN=127.0.0.1", p("broker.p12"), "-ext", "SAN=ip:127.0.0.1");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "broker",
                "-keystore",
                p("broker.p12"),
                "-storepass",
                password,
                "-file",
                p("broker.pem"));
        writePrivateKeyPem(dir.resolve("broker.p12"), "broker", dir.resolve("broker.key"));
        genKeyPair("ca", "CN=isthmus-test-mqtt-ca", p("ca.p12"), "-ext", "bc:c");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                p("ca.p12"),
                "-storepass",
                password,
                "-file",
                p("ca.pem"));
        genKeyPair("client", "CN=isthmus-edge", p("client.p12"));
        keytool(
                "-certreq",
                "-alias",
                "client",
                "-keystore",
                p("client.p12"),
                "-storepass",
                password,
                "-file",
                p("client.csr"));
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                p("ca.p12"),
                "-storepass",
                password,
                "-infile",
                p("client.csr"),
                "-outfile",
                p("client.pem"));
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                p("ca.pem"),
                "-keystore",
                p("client.p12"),
                "-storepass",
                password);
        keytool(
                "-importcert",
                "-alias",
                "client",
                "-file",
                p("client.pem"),
                "-keystore",
                p("client.p12"),
                "-storepass",
                password);

        try (Mosquitto broker = Mosquitto.startWithTls(
                dir, dir.resolve("broker.pem"), dir.resolve("broker.key"), Optional.of(dir.resolve("ca.pem")))) {
            var line = new BottlingLine(42, Instant.now());
            var image = new LineProcessImage(line, LineNames.DEFAULT);
            SparkplugTls tls = new SparkplugTls(
                    Optional.of(dir.resolve("broker.pem")),
                    Optional.of(dir.resolve("client.p12")),
                    Optional.of(password));
            assertThat(tls.toString()).doesNotContain(password);
            try (BrokerFixture f = new BrokerFixture(broker.tlsPort(), b -> b.tls = Optional.of(tls), broker.port());
                    SparkplugLine edges =
                            new SparkplugLine("127.0.0.1", broker.port(), "line1", image, Duration.ofHours(1))) {
                f.source.start();
                await(
                        "the source connected over TLS",
                        () -> f.source.state() instanceof ConnectionState.Connected
                                || f.states.stream().anyMatch(s -> s instanceof ConnectionState.BackingOff));
                assertThat(f.source.state())
                        .as("states %s, broker log %s", f.states, Files.readString(broker.log()))
                        .isInstanceOf(ConnectionState.Connected.class);
                edges.start();
                await(
                        "every point GOOD, consumed over TLS",
                        () -> image.points().stream().allMatch(pt -> {
                            var s = f.latest.get(pt.path());
                            return s != null && s.quality() == Quality.GOOD;
                        }));
                assertThat(f.states).anyMatch(s -> s instanceof ConnectionState.Connected);
            }

            // without the client certificate the broker refuses the handshake
            SparkplugTls noClientCert =
                    new SparkplugTls(Optional.of(dir.resolve("broker.pem")), Optional.empty(), Optional.empty());
            // trusting only another certificate (the CA's), the source refuses the broker
            SparkplugTls wrongTrust = new SparkplugTls(
                    Optional.of(dir.resolve("ca.pem")), Optional.of(dir.resolve("client.p12")), Optional.of(password));
            for (SparkplugTls bad : List.of(noClientCert, wrongTrust)) {
                try (BrokerFixture f =
                        new BrokerFixture(broker.tlsPort(), b -> b.tls = Optional.of(bad), broker.port())) {
                    f.source.start();
                    await(
                            "a failed TLS connection reported (" + bad + ")",
                            () -> f.states.stream().anyMatch(s -> s instanceof ConnectionState.BackingOff));
                    Thread.sleep(500);
                    assertThat(f.states).noneMatch(s -> s instanceof ConnectionState.Connected);
                    assertThat(f.samples).isEmpty();
                }
            }
        }
    }

    @Test
    void aWrongKeyStorePasswordOrAMissingTrustFileIsAnErrorBeforeConnecting() throws Exception {
        genKeyPair("client", "CN=isthmus-edge", p("client.p12"));
        assertThatThrownBy(() -> new SparkplugTls(
                                Optional.empty(), Optional.of(dir.resolve("client.p12")), Optional.of("wrong-password"))
                        .sslConfig())
                .hasMessageContaining("tls client-keystore '" + dir.resolve("client.p12"))
                .hasMessageContaining("wrong password or not PKCS#12")
                .hasMessageNotContaining("wrong-password'");
        assertThatThrownBy(
                        () -> new SparkplugTls(Optional.of(dir.resolve("nope.pem")), Optional.empty(), Optional.empty())
                                .sslConfig())
                .hasMessageContaining("tls trust-file '" + dir.resolve("nope.pem") + "' cannot be read");
        assertThatThrownBy(() ->
                        new SparkplugTls(Optional.empty(), Optional.of(dir.resolve("client.p12")), Optional.empty()))
                .hasMessageContaining("go together");
    }

    /** An EC key pair (P-256) with a self-signed certificate in a PKCS#12 store, valid for two days. */
    private void genKeyPair(String alias, String dname, String store, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store,
                "-storepass",
                password));
        args.addAll(List.of(extra));
        keytool(args.toArray(String[]::new));
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** The key of {@code alias} as PKCS#8 PEM, the form mosquitto (OpenSSL) reads. */
    private void writePrivateKeyPem(Path keyStore, String alias, Path out) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, password.toCharArray());
        }
        byte[] der = ks.getKey(alias, password.toCharArray()).getEncoded();
        Files.writeString(
                out,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n");
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }
}
