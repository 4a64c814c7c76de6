package io.isthmus.app.edge;

import static io.isthmus.app.edge.IngestSecurityTest.randomToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.KeytoolPki;
import io.isthmus.app.config.EdgeConfigYaml;
import io.isthmus.app.config.HubConfigYaml;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.IngestSecurity;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.connect.transfer.TransferLimits;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS between edge and hub and token rotation without a restart, with real parts on
 * loopback: a CA, the hub's key store and edges' client certificates made by the JDK's keytool in
 * the test, a hub started from hub.yaml, an edge forwarding the virtual factory's filler.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IngestMutualTlsTest {
    static final TagPath FILLER_SPEED = IngestSecurityTest.FILLER_SPEED;

    @TempDir
    Path dir;

    String password;

    /** The hub's key store and its certificate (hub.pem) for clients to trust. */
    void hubKeys() throws Exception {
        password = randomToken();
        Files.writeString(dir.resolve("store.password"), password);
        KeytoolPki keys = new KeytoolPki(dir, password);
        keys.keyPair("hub.p12", "hub", "CN=isthmus-test-hub", "SAN=ip:127.0.0.1");
        keys.exportCertificate("hub.p12", "hub", "hub.pem");
    }

    /** A CA (ca.p12, ca.pem) that issues edges' client certificates. */
    void clientCa() throws Exception {
        new KeytoolPki(dir, password).ca("ca", "CN=isthmus-test-edge-ca");
    }

    /** A client key store {@code name.p12} for subject CN=cn, signed by the CA when {@code signed}. */
    Path clientKey(String name, String cn, boolean signed) throws Exception {
        KeytoolPki keys = new KeytoolPki(dir, password);
        String dname = "CN=" + cn + ",O=Isthmus test";
        if (signed) {
            keys.signed(name + ".p12", "edge", dname, "ca", null);
        } else {
            keys.keyPair(name + ".p12", "edge", dname, null);
        }
        return Path.of(p(name + ".p12"));
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void edgesAuthenticateWithClientCertificatesOfTheSiteCaAndTheConsoleNeedsNone() throws Exception {
        hubKeys();
        clientCa();
        clientKey("edge", Plant.SITE, true);
        clientKey("other", "other-edge", true);
        clientKey("stranger", Plant.SITE, false);
        Plant plant = new Plant(dir);
        int port = Plant.freePort();
        Path yaml = Files.writeString(dir.resolve("hub.yaml"), """
                hub:
                  listen: 127.0.0.1:%d
                  historian: { dir: historian }
                  edges: [%s, other-edge]
                  ingest:
                    tls: { keystore: hub.p12, password-file: store.password, client-ca: ca.pem }
                """.formatted(port, Plant.SITE));
        try (plant.factory;
                Hub hub = Hub.start(HubConfigYaml.load(yaml))) {
            URI base = URI.create("https://127.0.0.1:" + port + "/");
            EdgeConfig config = EdgeConfigYaml.parse(
                    "edge.yaml", """
                    edge:
                      site-id: %s
                      journal: { dir: journal }
                      forward:
                        hub: "%s"
                        trust-file: hub.pem
                        client-keystore: edge.p12
                        client-password-file: store.password
                        retry: { initial: 100ms, max: 1s }
                    """.formatted(Plant.SITE, base).getBytes(StandardCharsets.UTF_8), dir);
            assertThat(config.edge().forward().orElseThrow().toString()).doesNotContain(password);
            try (Edge edge = Edge.start(new EdgeConfig(config.edge(), plant.tags(Optional.empty(), "filler")))) {
                Plant.await(
                        "the filler's speed GOOD at the hub, over mutual TLS",
                        Duration.ofSeconds(60),
                        () -> Plant.quality(hub, FILLER_SPEED).equals(Optional.of(Quality.GOOD)));
                assertThat(edge.status().forwardFailures()).isZero();
            }

            HttpClient noCertificate = client(Optional.empty());
            HttpResponse<String> none = post(noCertificate, base, Optional.empty(), Plant.SITE);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("client certificate");

            HttpResponse<String> health = noCertificate.send(
                    HttpRequest.newBuilder(base.resolve("api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode())
                    .as("the console and the API need no certificate")
                    .isEqualTo(200);

            HttpResponse<String> other =
                    post(client(Optional.of(dir.resolve("other.p12"))), base, Optional.empty(), Plant.SITE);
            assertThat(other.statusCode()).as("another edge's certificate").isEqualTo(403);
            assertThat(other.body()).contains("other-edge");

            HttpClient stranger = client(Optional.of(dir.resolve("stranger.p12")));
            assertThat(refusedOrStatus(() -> post(stranger, base, Optional.empty(), Plant.SITE)))
                    .as("a self-signed certificate naming the edge, not issued by the site's CA")
                    .isIn("handshake refused", "401");
        }
    }

    @Test
    void anEdgesTokenIsRotatedWithoutRestartingHubOrEdge() throws Exception {
        hubKeys();
        String oldToken = randomToken();
        String newToken = randomToken();
        Path tokens = Files.writeString(
                dir.resolve("ingest-tokens"),
                "# edge  sha256 of its token\n%s %s\n".formatted(Plant.SITE, IngestSecurity.TokenHash.of(oldToken)));
        Path edgeToken = Files.writeString(dir.resolve("edge.token"), oldToken + "\n");
        Plant plant = new Plant(dir);
        int port = Plant.freePort();
        Path yaml = Files.writeString(dir.resolve("hub.yaml"), """
                hub:
                  listen: 127.0.0.1:%d
                  historian: { dir: historian }
                  edges: [%s]
                  ingest:
                    tokens-file: ingest-tokens
                    tls: { keystore: hub.p12, password-file: store.password }
                """.formatted(port, Plant.SITE));
        try (plant.factory;
                Hub hub = Hub.start(HubConfigYaml.load(yaml))) {
            URI base = URI.create("https://127.0.0.1:" + port + "/");
            EdgeConfig config = EdgeConfigYaml.parse(
                    "edge.yaml", """
                    edge:
                      site-id: %s
                      journal: { dir: journal }
                      forward: { hub: "%s", token-file: edge.token, trust-file: hub.pem, retry: { initial: 100ms, max: 1s } }
                    """.formatted(Plant.SITE, base).getBytes(StandardCharsets.UTF_8), dir);
            HttpClient trusting = client(Optional.empty());
            try (Edge edge = Edge.start(new EdgeConfig(config.edge(), plant.tags(Optional.empty(), "filler")))) {
                Plant.await(
                        "samples at the hub with the old token",
                        Duration.ofSeconds(60),
                        () -> Plant.quality(hub, FILLER_SPEED).equals(Optional.of(Quality.GOOD)));

                // 1. the hub accepts both tokens
                Files.writeString(
                        tokens,
                        "%s %s\n%s %s\n"
                                .formatted(
                                        Plant.SITE,
                                        IngestSecurity.TokenHash.of(oldToken),
                                        Plant.SITE,
                                        IngestSecurity.TokenHash.of(newToken)));
                Plant.await(
                        "the new token accepted",
                        Duration.ofSeconds(30),
                        () -> status(trusting, base, newToken) == 200);
                // 2. the edge gets its new token; 3. the hub drops the old one
                Files.writeString(edgeToken, newToken + "\n");
                Thread.sleep(2_500); // the edge looks at its file at most once a second
                Files.writeString(tokens, "%s %s\n".formatted(Plant.SITE, IngestSecurity.TokenHash.of(newToken)));
                Plant.await(
                        "the old token refused", Duration.ofSeconds(30), () -> status(trusting, base, oldToken) == 401);

                // a broken edit of the tokens file leaves the tokens in force, counted once
                Files.writeString(tokens, Plant.SITE + " not-a-hash\n");
                Plant.await(
                        "the broken edit counted",
                        Duration.ofSeconds(30),
                        () -> health(trusting, base).contains("\"ingestTokenFileErrors\":1"));
                assertThat(status(trusting, base, newToken)).isEqualTo(200);

                long forwarded = edge.status().forwardedRecords();
                long failures = edge.status().forwardFailures();
                Plant.await(
                        "the edge keeps forwarding with the new token",
                        Duration.ofSeconds(30),
                        () -> edge.status().forwardedRecords() > forwarded + 5);
                assertThat(edge.status().forwardFailures())
                        .as("no request refused during the rotation")
                        .isEqualTo(failures)
                        .isZero();
            }
            assertThat(health(trusting, base)).contains("\"ingestTokenFileErrors\":1");
        }
    }

    private int status(HttpClient client, URI base, String token) {
        try {
            return post(client, base, Optional.of(token), Plant.SITE).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String health(HttpClient client, URI base) {
        try {
            return client.send(
                            HttpRequest.newBuilder(base.resolve("api/health")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static String refusedOrStatus(Call call) {
        try {
            return String.valueOf(call.send().statusCode());
        } catch (javax.net.ssl.SSLException e) {
            return "handshake refused";
        } catch (IOException e) {
            // the JDK client reports a handshake the server aborted as an IOException around the alert
            return e.getMessage() != null && e.getMessage().toLowerCase().contains("certificate")
                    ? "handshake refused"
                    : "io: " + e;
        } catch (Exception e) {
            return "error: " + e;
        }
    }

    private HttpClient client(Optional<Path> keyStore) {
        return HttpClient.newBuilder()
                .sslContext(HubTrust.sslContext(
                        Optional.of(dir.resolve("hub.pem")), keyStore.map(k -> new HubTrust.ClientKey(k, password))))
                .build();
    }

    private static HttpResponse<String> post(HttpClient client, URI base, Optional<String> token, String edge)
            throws IOException, InterruptedException {
        byte[] body = new TransferCodec(TransferLimits.DEFAULT).encode(new TransferBatch(edge, 0, List.of()));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/ingest"))
                .header("Content-Type", TransferCodec.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
