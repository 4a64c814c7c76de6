package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.EdgeConfigYaml;
import io.isthmus.app.config.HubConfigYaml;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.app.hub.IngestSecurity;
import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hub ingest security with real parts on loopback: a hub configured by hub.yaml with per-edge
 * token hashes and a TLS listener (its PKCS#12 key store made by the JDK's keytool in this test),
 * an edge forwarding the virtual factory's filler over TLS with its token; requests without a
 * token, with a wrong one or with another edge's, and clients that do not trust the hub, are refused.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IngestSecurityTest {
    static final TagPath FILLER_SPEED = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");

    @TempDir
    Path dir;

    String token;
    String otherToken;
    Path pem;

    @BeforeEach
    void secrets() throws Exception {
        token = randomToken();
        otherToken = randomToken();
        Files.writeString(dir.resolve("edge.token"), token + "\n");
        String password = randomToken();
        Files.writeString(dir.resolve("hub.p12.password"), password);
        keytool(
                "-genkeypair",
                "-alias",
                "hub",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=isthmus-test-hub",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                dir.resolve("hub.p12").toString(),
                "-storepass",
                password);
        pem = dir.resolve("hub.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "hub",
                "-keystore",
                dir.resolve("hub.p12").toString(),
                "-storepass",
                password,
                "-file",
                pem.toString());
    }

    static String randomToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
    }

    HubSettings hubSettings(int port) throws Exception {
        Path yaml = Files.writeString(dir.resolve("hub.yaml"), """
                hub:
                  listen: 127.0.0.1:%d
                  historian: { dir: historian }
                  edges: [%s, other-edge]
                  ingest:
                    tokens:
                      %s: %s
                      other-edge: %s
                    tls: { keystore: hub.p12, password-file: hub.p12.password }
                """.formatted(
                        port,
                        Plant.SITE,
                        Plant.SITE,
                        IngestSecurity.TokenHash.of(token),
                        IngestSecurity.TokenHash.of(otherToken)));
        return HubConfigYaml.load(yaml);
    }

    @Test
    void anEdgeWithItsTokenForwardsOverTlsAndEveryOtherRequestIsRefusedAndCounted() throws Exception {
        Plant plant = new Plant(dir);
        int port = Plant.freePort();
        try (plant.factory;
                Hub hub = Hub.start(hubSettings(port))) {
            URI base = URI.create("https://127.0.0.1:" + port + "/");
            EdgeConfig config = EdgeConfigYaml.parse(
                    "edge.yaml", """
                    edge:
                      site-id: %s
                      journal: { dir: journal }
                      forward: { hub: "%s", token-file: edge.token, trust-file: hub.pem, retry: { initial: 100ms, max: 1s } }
                    """.formatted(Plant.SITE, base).getBytes(StandardCharsets.UTF_8), dir);
            assertThat(config.edge()
                            .forward()
                            .orElseThrow()
                            .token()
                            .orElseThrow()
                            .value())
                    .isEqualTo(token);
            assertThat(config.edge().forward().orElseThrow().toString()).doesNotContain(token);
            EdgeConfig withFiller = new EdgeConfig(config.edge(), plant.tags(Optional.empty(), "filler"));
            try (Edge edge = Edge.start(withFiller)) {
                Plant.await(
                        "the filler's speed GOOD at the hub, over TLS with the edge's token",
                        Duration.ofSeconds(60),
                        () -> Plant.quality(hub, FILLER_SPEED).equals(Optional.of(Quality.GOOD)));
                assertThat(edge.status().forwardFailures()).isZero();
            }

            HttpClient trusting =
                    HttpClient.newBuilder().sslContext(HubTrust.sslContext(pem)).build();
            HttpResponse<String> none = post(trusting, base, Optional.empty(), Plant.SITE);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(none.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
            assertThat(none.body()).contains("\"status\":401").contains("Authorization: Bearer");

            HttpResponse<String> wrong = post(trusting, base, Optional.of(randomToken()), Plant.SITE);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("not one of an edge the hub knows");

            HttpResponse<String> other = post(trusting, base, Optional.of(otherToken), Plant.SITE);
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.body()).contains("belongs to edge 'other-edge'");

            HttpResponse<String> health = trusting.send(
                    HttpRequest.newBuilder(base.resolve("api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"ingestUnauthorized\":2").contains("\"ingestWrongEdge\":1");

            HttpClient defaultTrust = HttpClient.newHttpClient();
            assertThatThrownBy(() -> post(defaultTrust, base, Optional.of(token), Plant.SITE))
                    .as("a client that does not trust the hub's certificate")
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("PKIX");
        }
    }

    @Test
    void anEdgeWithoutTheTokenIsRefusedAndRetriesWithoutLosingAnything() throws Exception {
        Plant plant = new Plant(dir);
        int port = Plant.freePort();
        try (plant.factory;
                Hub hub = Hub.start(hubSettings(port))) {
            EdgeSettings settings = new EdgeSettings(
                    Plant.SITE,
                    JournalConfig.create(dir.resolve("journal"), b -> {}),
                    new ForwardSettings(
                            URI.create("https://127.0.0.1:" + port + "/"),
                            ForwardSettings.DEFAULT_BUDGET,
                            Duration.ofSeconds(5),
                            new BackoffConfig(Duration.ofMillis(100), Duration.ofMillis(500), 2, 0.1),
                            Optional.empty(),
                            Optional.of(pem)),
                    Optional.empty());
            try (Edge edge = Edge.start(new EdgeConfig(settings, plant.tags(Optional.empty(), "filler")))) {
                Plant.await(
                        "the hub refuses the edge",
                        Duration.ofSeconds(30),
                        () -> edge.status().forwardFailures() >= 3);
                assertThat(edge.status().forwarder()).contains("401");
                assertThat(edge.status().samplesJournaled()).isPositive();
                assertThat(hub.historian().tags()).isEmpty();
            }
        }
    }

    private static HttpResponse<String> post(HttpClient client, URI base, Optional<String> token, String edge)
            throws Exception {
        byte[] body = new TransferCodec(io.isthmus.connect.transfer.TransferLimits.DEFAULT)
                .encode(new TransferBatch(edge, 0, List.of()));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/ingest"))
                .header("Content-Type", TransferCodec.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
