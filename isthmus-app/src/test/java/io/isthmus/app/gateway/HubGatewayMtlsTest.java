package io.isthmus.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.PasswordHash;
import io.isthmus.access.identity.Person;
import io.isthmus.access.identity.ServiceAccount;
import io.isthmus.app.KeytoolPki;
import io.isthmus.app.config.GatewayConfigYaml;
import io.isthmus.app.config.HubConfigYaml;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.app.hub.IngestSecurity;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.connect.transfer.TransferLimits;
import io.isthmus.store.HistorianConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service accounts authenticate to the hub's gateway by client certificate when the hub's listener
 * has TLS with a client trust store ({@code hub.ingest.tls.client-ca}): the certificate's subject is
 * mapped to an account of the user file, which then has exactly its roles (no more than with a
 * token). A trusted certificate mapped to nobody gets a 401 problem, an untrusted one no TLS
 * session at all; people still sign in with password and code. Certificates are made by the JDK's
 * keytool; everything runs on 127.0.0.1.
 */
class HubGatewayMtlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEED = GatewayFixture.CONVEYOR + "speedSetpoint";

    @TempDir
    Path dir;

    @Test
    void aMappedClientCertificateAuthenticatesAServiceAccountWithItsRolesOnly() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        GatewayFixture.keytool(pki, "server.p12", "gateway", "CN=hub", "san=ip:127.0.0.1");
        GatewayFixture.keytool(pki, "mes.p12", "mes", "CN=mes,O=Acme", null);
        GatewayFixture.keytool(pki, "stranger.p12", "stranger", "CN=stranger,O=Acme", null);
        GatewayFixture.keytool(pki, "edge.p12", "edge", "CN=springfield", null);
        GatewayFixture.keytool(pki, "untrusted.p12", "untrusted", "CN=mes,O=Acme", null);
        // the listener's client trust store: these (self-signed) certificates, as a CA's would be
        StringBuilder pem = new StringBuilder();
        for (String alias : List.of("mes", "stranger", "edge")) {
            pem.append(exportPem(pki, alias + ".p12", alias));
        }
        Path clientCa = Files.writeString(pki.resolve("clients.pem"), pem);

        HubSettings settings = HubSettings.of(
                        new InetSocketAddress("127.0.0.1", 0),
                        HistorianConfig.create(dir.resolve("historian")),
                        List.of())
                .withIngest(new IngestSecurity(
                        Map.of(),
                        Optional.of(
                                new IngestSecurity.Tls(pki.resolve("server.p12"), "changeit", Optional.of(clientCa)))));
        String section = HubGatewayFiles.write(dir, "127.0.0.10:5020");
        List<Account> users = new ArrayList<>(UserFile.load(dir.resolve("users.json")));
        users.add(new ServiceAccount("mes", Set.of("planner"), Optional.of("CN=mes, O=Acme")));
        users.add(new Person(
                "carol",
                Set.of("operator"),
                PasswordHash.create(HubGatewayFiles.PASSWORD, PasswordHash.MIN_ITERATIONS, new SecureRandom()),
                "cccccccccccccccccccc".getBytes(StandardCharsets.US_ASCII)));
        UserFile.save(dir.resolve("users.json"), users);
        var gateway = GatewayConfigYaml.parse("hub.yaml", section.getBytes(StandardCharsets.UTF_8), dir, settings);

        try (Hub hub = Hub.start(settings, Map::of, Optional.empty(), gateway)) {
            String base = "https://127.0.0.1:" + hub.port();
            HttpClient mes = client(GatewayFixture.client(pki, "mes.p12"));

            HttpResponse<String> me = get(mes, base + "/gw/me");
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            JsonNode who = JSON.readTree(me.body());
            assertThat(who.get("name").asText()).isEqualTo("mes");
            assertThat(who.get("kind").asText()).isEqualTo("service");
            assertThat(who.get("roles").toString()).isEqualTo("[\"planner\"]");

            // least privilege: the planner role reads the conveyor, and nothing more
            HttpResponse<String> read = get(mes, base + "/gw/tags/" + SPEED);
            assertThat(read.statusCode())
                    .as("allowed, but nothing in the historian yet")
                    .isEqualTo(404);
            HttpResponse<String> write =
                    post(mes, base + "/gw/writes", Map.of("items", List.of(Map.of("tag", SPEED, "value", 99))));
            assertThat(write.statusCode()).isEqualTo(200);
            JsonNode item = JSON.readTree(write.body()).get("items").get(0);
            assertThat(item.get("status").asText()).isEqualTo("denied");

            // a trusted certificate mapped to no account, and an edge's certificate, are no gateway users
            for (String store : List.of("stranger.p12", "edge.p12")) {
                HttpResponse<String> r = get(client(GatewayFixture.client(pki, store)), base + "/gw/me");
                assertThat(r.statusCode()).as(store).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            }
            // one CA for edges and service accounts (no gateway.client-ca): the ingest refuses a
            // certificate mapped to a service account, although the hub takes any edge and its CN
            // would name edge "mes"; an edge's certificate still posts
            HttpResponse<String> asEdge = ingest(mes, base, "mes");
            assertThat(asEdge.statusCode()).as(asEdge.body()).isEqualTo(401);
            assertThat(asEdge.body()).contains("gateway service account");
            HttpResponse<String> edgePost = ingest(client(GatewayFixture.client(pki, "edge.p12")), base, "springfield");
            assertThat(edgePost.statusCode()).as(edgePost.body()).isEqualTo(200);
            assertThat(GatewayConfigYaml.sharedCaWarning(settings, gateway))
                    .hasValueSatisfying(w -> assertThat(w).contains("gateway.client-ca"));

            // a certificate the listener does not trust gets no TLS session, whatever its subject says
            HttpClient untrusted = client(GatewayFixture.client(pki, "untrusted.p12"));
            assertThatThrownBy(() -> get(untrusted, base + "/gw/me")).isInstanceOf(IOException.class);

            // without a certificate, the console's way: no access until a person signs in
            HttpClient browser = client(GatewayFixture.client(pki, null));
            assertThat(get(browser, base + "/gw/me").statusCode()).isEqualTo(401);

            HttpResponse<String> audit = get(browser, base + "/api/audit?type=read");
            JsonNode reads = JSON.readTree(audit.body()).get("items");
            assertThat(reads).isNotEmpty();
            assertThat(reads.get(0).get("actor").asText()).isEqualTo("mes");
            HttpResponse<String> refused = get(browser, base + "/api/audit?type=unauthenticated");
            assertThat(JSON.readTree(refused.body()).get("total").asLong()).isGreaterThanOrEqualTo(3);
        }
    }

    /**
     * With {@code gateway.client-ca} the edges and the gateway's service accounts have CAs of their
     * own on the one listener: each path takes only certificates of its own CA, so no certificate is
     * accepted by both, and a certificate whose CN is the site id but that the gateway's CA issued
     * is no edge. A service account that names a SAN needs it on the certificate besides the subject.
     */
    @Test
    void edgesAndServiceAccountsHaveSeparateCasAndNoCertificateCrossesOver() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        GatewayFixture.keytool(pki, "server.p12", "gateway", "CN=hub", "san=ip:127.0.0.1");
        Files.writeString(pki.resolve("server.password"), "changeit");
        KeytoolPki keys = new KeytoolPki(pki, "changeit");
        keys.ca("edge-ca", "CN=Isthmus test edge CA");
        keys.ca("gateway-ca", "CN=Isthmus test gateway CA");
        keys.signed("edge.p12", "client", "CN=springfield,O=Acme", "edge-ca", null);
        keys.signed("mes.p12", "client", "CN=mes,O=Acme", "gateway-ca", "uri:spiffe://acme/mes");
        // the mes subject and SAN, but issued by the edges' CA
        keys.signed("mes-by-edge-ca.p12", "client", "CN=mes,O=Acme", "edge-ca", "uri:spiffe://acme/mes");
        // the mes subject without the SAN the account requires
        keys.signed("mes-no-san.p12", "client", "CN=mes,O=Acme", "gateway-ca", null);
        // a gateway certificate whose CN is the site id
        keys.signed("impostor.p12", "client", "CN=springfield,O=Acme", "gateway-ca", null);

        String section = HubGatewayFiles.write(dir, "127.0.0.10:5020") + "  client-ca: pki/gateway-ca.pem\n";
        List<Account> users = new ArrayList<>(UserFile.load(dir.resolve("users.json")));
        users.add(new ServiceAccount(
                "mes",
                Set.of("planner"),
                Optional.of("CN=mes,O=Acme"),
                Optional.of(io.isthmus.access.identity.SubjectAltName.parse("uri:spiffe://acme/mes"))));
        UserFile.save(dir.resolve("users.json"), users);
        byte[] yaml = ("""
                hub:
                  listen: 127.0.0.1:%d
                  historian: { dir: historian }
                  edges: [springfield]
                  ingest:
                    tls: { keystore: pki/server.p12, password-file: pki/server.password, client-ca: pki/edge-ca.pem }
                """.formatted(freePort()) + section).getBytes(StandardCharsets.UTF_8);
        HubSettings settings = HubConfigYaml.parse("hub.yaml", yaml, dir);
        var gateway = GatewayConfigYaml.parse("hub.yaml", yaml, dir, settings);
        assertThat(gateway.orElseThrow().clientCa()).contains(dir.resolve("pki/gateway-ca.pem"));
        assertThat(GatewayConfigYaml.sharedCaWarning(settings, gateway)).isEmpty();

        try (Hub hub = Hub.start(settings, Map::of, Optional.empty(), gateway)) {
            String base = "https://127.0.0.1:" + hub.port();
            HttpClient edge = client(GatewayFixture.client(pki, "edge.p12"));
            HttpClient mes = client(GatewayFixture.client(pki, "mes.p12"));

            // each certificate on its own path
            HttpResponse<String> posted = ingest(edge, base, "springfield");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            HttpResponse<String> me = get(mes, base + "/gw/me");
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).get("name").asText()).isEqualTo("mes");

            // an edge's certificate on a gateway route
            HttpResponse<String> edgeOnGateway = get(edge, base + "/gw/me");
            assertThat(edgeOnGateway.statusCode()).isEqualTo(401);
            assertThat(edgeOnGateway.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            // a gateway service certificate on the ingest
            HttpResponse<String> mesOnIngest = ingest(mes, base, "mes");
            assertThat(mesOnIngest.statusCode()).isEqualTo(401);
            assertThat(mesOnIngest.body()).contains("not issued by the edges' CA");
            // the site id as CN, signed by the gateway's CA
            HttpResponse<String> impostor =
                    ingest(client(GatewayFixture.client(pki, "impostor.p12")), base, "springfield");
            assertThat(impostor.statusCode()).isEqualTo(401);
            assertThat(impostor.body()).contains("not issued by the edges' CA");
            // the service account's subject and SAN, signed by the edges' CA
            assertThat(get(client(GatewayFixture.client(pki, "mes-by-edge-ca.p12")), base + "/gw/me")
                            .statusCode())
                    .isEqualTo(401);
            // the right CA and subject, but not the SAN the account requires
            assertThat(get(client(GatewayFixture.client(pki, "mes-no-san.p12")), base + "/gw/me")
                            .statusCode())
                    .isEqualTo(401);

            JsonNode health = JSON.readTree(get(edge, base + "/api/health").body());
            assertThat(health.get("ingestUnauthorized").asLong()).isEqualTo(2);
            HttpResponse<String> refused = get(edge, base + "/api/audit?type=unauthenticated");
            assertThat(JSON.readTree(refused.body()).get("total").asLong()).isEqualTo(3);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Posts an empty batch of {@code edge} to the ingest. */
    private static HttpResponse<String> ingest(HttpClient c, String base, String edge) throws Exception {
        byte[] body = new TransferCodec(TransferLimits.DEFAULT).encode(new TransferBatch(edge, 0, List.of()));
        return c.send(
                HttpRequest.newBuilder(URI.create(base + "/api/ingest"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", TransferCodec.MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String exportPem(Path pki, String store, String alias) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        alias,
                        "-keystore",
                        pki.resolve(store).toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(false)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor()).as("keytool -exportcert " + store).isZero();
        assertThat(out).contains("BEGIN CERTIFICATE");
        return out;
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static HttpResponse<String> get(HttpClient c, String url) throws Exception {
        return c.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient c, String url, Object body) throws Exception {
        return c.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
