package io.isthmus.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.identity.Totp;
import io.isthmus.app.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code isthmus gateway serve} with the shipped config/gateway.yaml (its files made in a temporary
 * directory): a real process serving HTTPS with TLS 1.3 only, where a person logs in with password
 * and TOTP; TLS 1.2 is refused; configuration mistakes are one clear line and exit 2.
 */
class GatewayServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationServesHttpsWithTls13AndAPersonLogsIn() throws Exception {
        HubGatewayFiles.write(dir, "127.0.0.10:5020");
        Files.move(dir.resolve("users.json"), dir.resolve("gateway-users.json"));
        Files.move(dir.resolve("policy.yaml"), dir.resolve("zones.yaml"));
        Files.move(dir.resolve("devices.yaml"), dir.resolve("edge.yaml"));
        Path pki = Files.createDirectories(dir.resolve("pki"));
        GatewayFixture.keytool(pki, "server.p12", "gateway", "CN=gateway", "san=ip:127.0.0.1");
        Files.copy(pki.resolve("server.p12"), dir.resolve("gateway.p12"));
        Files.writeString(dir.resolve("gateway.p12.password"), "changeit\n");
        String shipped = Files.readString(Path.of("..", "config", "gateway.yaml"));
        Files.writeString(
                dir.resolve("gateway.yaml"), shipped.replace("listen: 127.0.0.1:8443", "listen: 127.0.0.1:0"));

        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "gateway",
                        "serve",
                        "--config",
                        dir.resolve("gateway.yaml").toString())
                .redirectError(dir.resolve("serve.err").toFile())
                .start();
        try {
            int port = awaitPort(p);
            SSLContext tls = GatewayFixture.client(pki, null);
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String body = JSON.writeValueAsString(Map.of(
                    "user",
                    "alice",
                    "password",
                    new String(HubGatewayFiles.PASSWORD),
                    "totp",
                    Totp.codeAt(HubGatewayFiles.TOTP_ALICE, Instant.now())));
            HttpResponse<String> login = https.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/gw/login"))
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String token = JSON.readTree(login.body()).get("token").asText();
            HttpResponse<String> me = https.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/gw/me"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode who = JSON.readTree(me.body());
            assertThat(who.get("name").asText()).isEqualTo("alice");
            assertThat(who.get("kind").asText()).isEqualTo("person");
            assertThat(me.sslSession())
                    .hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));

            SSLContext old = SSLContext.getInstance("TLSv1.2");
            old.init(null, tlsTrust(pki), null);
            SSLParameters only12 = new SSLParameters();
            only12.setProtocols(new String[] {"TLSv1.2"});
            HttpClient legacy = HttpClient.newBuilder()
                    .sslContext(old)
                    .sslParameters(only12)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> legacy.send(
                            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/gw/me"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // stopping signed a checkpoint over every login record: the log verifies
        CliRunResult verify = cli("audit", "verify", dir.resolve("audit").toString());
        assertThat(verify.code()).as(verify.out()).isZero();
    }

    private static javax.net.ssl.TrustManager[] tlsTrust(Path pki) throws Exception {
        java.security.KeyStore server = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(pki.resolve("server.p12"))) {
            server.load(in, "changeit".toCharArray());
        }
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", server.getCertificate("gateway"));
        var tmf =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    private int awaitPort(Process p) throws Exception {
        Pattern url = Pattern.compile("Access gateway: https://127\\.0\\.0\\.1:(\\d+)/gw/login");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = url.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError(
                "gateway serve ended without serving: " + seen + Files.readString(dir.resolve("serve.err")));
    }

    record CliRunResult(int code, String out, String err) {}

    static CliRunResult cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRunResult(code, out.toString(), err.toString());
    }

    @Test
    void aMissingOrWrongConfigurationIsOneLineAndExitTwo() throws Exception {
        CliRunResult missing =
                cli("gateway", "serve", "--config", dir.resolve("none.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read gateway configuration");
        Files.writeString(dir.resolve("g.yaml"), "gateway:\n  listen: 127.0.0.1:0\n  port: 1\n");
        CliRunResult unknown =
                cli("gateway", "serve", "--config", dir.resolve("g.yaml").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("g.yaml:3:3: gateway: unknown field 'port'");
        CliRunResult help = cli("gateway", "serve", "--help");
        assertThat(help.out()).contains("TLS 1.3 only").contains("config/gateway.yaml");
    }
}
