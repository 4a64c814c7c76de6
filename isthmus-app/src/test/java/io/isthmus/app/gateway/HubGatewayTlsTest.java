package io.isthmus.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.identity.Totp;
import io.isthmus.app.config.GatewayConfigYaml;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.app.hub.IngestSecurity;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub with TLS and a gateway: section serves the gateway on its own origin over TLS 1.3 only —
 * a person logs in at {@code /gw/login} and reads {@code /api/audit} on the same port; a TLS 1.2
 * client is refused.
 */
class HubGatewayTlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theHubServesTheGatewayOverTls13Only() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        GatewayFixture.keytool(pki, "server.p12", "gateway", "CN=hub", "san=ip:127.0.0.1");
        HubSettings settings = HubSettings.of(
                        new InetSocketAddress("127.0.0.1", 0),
                        HistorianConfig.create(dir.resolve("historian")),
                        List.of())
                .withIngest(new IngestSecurity(
                        Map.of(), Optional.of(new IngestSecurity.Tls(pki.resolve("server.p12"), "changeit"))));
        String section = HubGatewayFiles.write(dir, "127.0.0.10:5020");
        var gateway = GatewayConfigYaml.parse("hub.yaml", section.getBytes(StandardCharsets.UTF_8), dir, settings);
        assertThat(GatewayConfigYaml.plainHttpWarning(settings)).isEmpty();
        try (Hub hub = Hub.start(settings, Map::of, Optional.empty(), gateway)) {
            String base = "https://127.0.0.1:" + hub.port();
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(GatewayFixture.client(pki, null))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String body = JSON.writeValueAsString(Map.of(
                    "user",
                    "bob",
                    "password",
                    new String(HubGatewayFiles.PASSWORD),
                    "totp",
                    Totp.codeAt(HubGatewayFiles.TOTP_BOB, Instant.now())));
            HttpResponse<String> login = https.send(
                    HttpRequest.newBuilder(URI.create(base + "/gw/login"))
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(login.sslSession())
                    .hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
            HttpResponse<String> audit = https.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/audit?type=login"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var page = JSON.readTree(audit.body());
            assertThat(page.get("total").asLong()).isEqualTo(1);
            assertThat(page.get("items").get(0).get("actor").asText()).isEqualTo("bob");
            assertThat(page.get("items").get(0).get("result").asText()).isEqualTo("success");
            assertThat(page.get("verified").get("ok").asBoolean()).isTrue();
            assertThat(page.get("capacity").get("warning").asBoolean()).isFalse();
            HttpResponse<String> badResult = https.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/audit?result=maybe"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(badResult.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badResult.body()).get("detail").asText()).contains("'result'");

            SSLParameters only12 = new SSLParameters();
            only12.setProtocols(new String[] {"TLSv1.2"});
            HttpClient legacy = HttpClient.newBuilder()
                    .sslContext(GatewayFixture.client(pki, null))
                    .sslParameters(only12)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            assertThatThrownBy(() -> legacy.send(
                            HttpRequest.newBuilder(URI.create(base + "/gw/me"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }
}
