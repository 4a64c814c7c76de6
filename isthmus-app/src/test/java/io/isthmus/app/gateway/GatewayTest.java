package io.isthmus.app.gateway;

import static io.isthmus.app.gateway.GatewayFixture.CONVEYOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditKeys;
import io.isthmus.access.audit.AuditLimits;
import io.isthmus.access.audit.AuditVerifier;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.identity.Tokens;
import io.isthmus.access.identity.Totp;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.modbus.ModbusConnection;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway end to end: real TLS 1.3 on loopback, real PLC (the virtual factory's conveyor),
 * real historian and audit log. The kill test kills a gateway of its own and shows no path to the PLC is left.
 *
 * <p>The cases share one gateway but not their state: each measures what it changed (PLC requests,
 * audit events, warnings) from where it started, signs in its own users, and the lockout locks an
 * account no other case uses. They pass in any order (checked with {@code MethodOrderer.Random}).
 */
class GatewayTest {
    static GatewayFixture f;
    static HttpClient https;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SPEED = CONVEYOR + "speedSetpoint";
    static final GatewayLimits LIMITS =
            new GatewayLimits(Duration.ofMinutes(15), 1000, Duration.ofMinutes(2), 100, 100);

    @BeforeAll
    static void start() throws Exception {
        f = new GatewayFixture(LIMITS);
        https = client(f.clientTls);
    }

    @AfterAll
    static void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    record Answer(int status, JsonNode body, String contentType) {}

    static Answer call(HttpClient c, String method, String path, String bearer, Object body) throws Exception {
        return call(f, c, method, path, bearer, body);
    }

    static Answer call(GatewayFixture g, HttpClient c, String method, String path, String bearer, Object body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(g.url(path))).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(
                                body instanceof String s ? s : JSON.writeValueAsString(body)));
        HttpResponse<String> r = c.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        return new Answer(
                r.statusCode(), n, r.headers().firstValue("Content-Type").orElse(""));
    }

    static Answer call(String method, String path, String bearer, Object body) throws Exception {
        return call(https, method, path, bearer, body);
    }

    /** Logs in with password and the code of a fresh time step (a code is good once). */
    static String login(String user) throws Exception {
        return login(f, https, user);
    }

    static String login(GatewayFixture g, HttpClient c, String user) throws Exception {
        g.clock.advance(Duration.ofSeconds(30));
        String code = Totp.codeAt(GatewayFixture.secretOf(user), g.clock.instant());
        Answer a = call(
                g,
                c,
                "POST",
                "/gw/login",
                null,
                Map.of("user", user, "password", new String(GatewayFixture.PW), "totp", code));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().get("token").asText();
    }

    static int register(int address) throws Exception {
        return register(f, address);
    }

    static int register(GatewayFixture g, int address) throws Exception {
        SourceConfig s = SourceConfig.create(
                "check", new HostPort("127.0.0.10", g.conveyor.address().getPort()), b -> {});
        try (ModbusConnection c = ModbusConnection.open(s)) {
            var r = (ModbusResponse.ReadHoldingRegisters) c.execute(new ModbusRequest.ReadHoldingRegisters(address, 1));
            return r.registers().get(0);
        }
    }

    static Map<String, Object> batch(Object... tagValue) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < tagValue.length; i += 2) {
            items.add(Map.of("tag", tagValue[i], "value", tagValue[i + 1]));
        }
        return Map.of("items", items);
    }

    @Test
    void onlyTls13IsOffered() throws Exception {
        SSLContext tls12 = SSLContext.getInstance("TLSv1.2");
        tls12.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
        HttpClient old = HttpClient.newBuilder()
                .sslContext(tls12)
                .sslParameters(new javax.net.ssl.SSLParameters(null, new String[] {"TLSv1.2"}))
                .build();
        assertThatThrownBy(() -> call(old, "GET", "/gw/approvals", null, null)).isInstanceOf(java.io.IOException.class);
    }

    /** Endpoint × role: everything not granted is refused, and refusals are problem documents. */
    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @CsvSource({
        "GET,  tag-speed,   anonymous, 401",
        "GET,  tag-speed,   forged,    401",
        "GET,  tag-speed,   mallory,   403",
        "GET,  tag-speed,   carol,     200",
        "GET,  tag-speed,   alice,     200",
        "GET,  tag-speed,   bob,       200",
        "GET,  tag-unknown, carol,     403",
        "POST, writes,      anonymous, 401",
        "POST, writes,      mallory,   denied",
        "POST, writes,      carol,     denied",
        "POST, writes,      bob,       denied",
        "POST, writes,      alice,     pending",
        "GET,  approvals,   anonymous, 401",
        "GET,  approvals,   carol,     200",
        "POST, approve,     anonymous, 401",
        "POST, approve,     mallory,   404",
        "POST, approve,     carol,     404",
        "POST, approve,     alice,     404",
        // subject attributes: the same role, another vendor (company) is refused
        "GET,  tag-speed,   sam,       200",
        "GET,  tag-speed,   tom,       403",
        // the program action: decided by the rules first, then refused as unsupported (no driver)
        "POST, program,     anonymous, 401",
        "POST, program,     mallory,   403",
        "POST, program,     carol,     403",
        "POST, program,     alice,     403",
        "POST, program,     tom,       403",
        "POST, program,     sam,       501",
    })
    void endpointByRoleMatrix(String method, String endpoint, String who, String expected) throws Exception {
        String bearer = switch (who) {
            case "anonymous" -> null;
            case "forged" -> Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
            default -> login(who);
        };
        String path = switch (endpoint) {
            case "tag-speed" -> "/gw/tags/" + SPEED;
            case "tag-unknown" -> "/gw/tags/" + CONVEYOR + "nothingHere";
            case "writes" -> "/gw/writes";
            case "approvals" -> "/gw/approvals";
            case "program" -> "/gw/programs";
            default -> "/gw/approvals/apr-000000000000000000000000/approve";
        };
        Object body = switch (endpoint) {
            case "writes" -> batch(SPEED, 130);
            case "program" -> Map.of("tag", SPEED.toString(), "name", "conveyor-v2", "sha256", "ab".repeat(32));
            default -> method.equals("POST") ? Map.of() : null;
        };
        Answer a = call(method, path, bearer, body);
        if (expected.equals("denied") || expected.equals("pending")) {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body().get("items").get(0).get("status").asText()).isEqualTo(expected);
        } else {
            assertThat(a.status()).as(a.body().toString()).isEqualTo(Integer.parseInt(expected));
            if (a.status() >= 400) {
                assertThat(a.contentType()).startsWith("application/problem+json");
                assertThat(a.body().get("status").asInt()).isEqualTo(a.status());
            }
        }
    }

    @Test
    void aReadReturnsTheHistoriansLatestValue() throws Exception {
        Answer a = call("GET", "/gw/tags/" + SPEED, login("carol"), null);
        assertThat(a.body().get("value").asDouble()).isEqualTo(120.0);
    }

    @Test
    void badTokensAreRefusedAndAGoodOneWorksOnce() throws Exception {
        var random = new SecureRandom();
        var now = f.clock.instant();
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String good = Tokens.issue(
                f.tokenKeys.getPrivate(),
                "isthmus-gateway",
                "mes",
                "isthmus-gateway",
                now,
                Duration.ofMinutes(5),
                random);
        String expired = Tokens.issue(
                f.tokenKeys.getPrivate(),
                "isthmus-gateway",
                "mes",
                "isthmus-gateway",
                now.minus(Duration.ofMinutes(20)),
                Duration.ofMinutes(5),
                random);
        String wrongKey = Tokens.issue(
                other.getPrivate(), "isthmus-gateway", "mes", "isthmus-gateway", now, Duration.ofMinutes(5), random);
        String wrongAudience = Tokens.issue(
                f.tokenKeys.getPrivate(), "isthmus-gateway", "mes", "historian", now, Duration.ofMinutes(5), random);
        String[] parts = good.split("\\.");
        String none = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        for (String bad : List.of(expired, wrongKey, wrongAudience, none)) {
            assertThat(call("POST", "/gw/login", null, Map.of("token", bad)).status())
                    .isEqualTo(401);
        }
        Answer ok = call("POST", "/gw/login", null, Map.of("token", good));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("account").asText()).isEqualTo("mes");
        assertThat(call("GET", "/gw/tags/" + SPEED, ok.body().get("token").asText(), null)
                        .status())
                .isEqualTo(200);
        assertThat(call("POST", "/gw/login", null, Map.of("token", good)).status())
                .as("replayed token")
                .isEqualTo(401);
    }

    @Test
    void aReplayedTotpCodeIsRefused() throws Exception {
        f.clock.advance(Duration.ofSeconds(30));
        String code = Totp.codeAt(GatewayFixture.secretOf("carol"), f.clock.instant());
        Map<String, String> body = Map.of("user", "carol", "password", new String(GatewayFixture.PW), "totp", code);
        assertThat(call("POST", "/gw/login", null, body).status()).isEqualTo(200);
        assertThat(call("POST", "/gw/login", null, body).status()).isEqualTo(401);
    }

    @Test
    void aClientCertificateMappedToAServiceAccountAuthenticatesIt() throws Exception {
        HttpClient mes = client(f.serviceTls);
        assertThat(call(mes, "GET", "/gw/tags/" + SPEED, null, null).status()).isEqualTo(200);
        Answer write = call(mes, "POST", "/gw/writes", null, batch(SPEED, 99));
        assertThat(write.body().get("items").get(0).get("status").asText()).isEqualTo("denied");
        HttpClient stranger = client(f.strangerTls);
        assertThat(call(stranger, "GET", "/gw/tags/" + SPEED, null, null).status())
                .as("a trusted certificate that maps to no account")
                .isEqualTo(401);
    }

    @Test
    void aDeniedItemHiddenInAnAllowedBatchIsDeniedAloneAndTheOthersProceed() throws Exception {
        String alice = login("alice");
        int plc = f.plcRequests.size();
        Answer a = call(
                "POST",
                "/gw/writes",
                alice,
                batch(
                        SPEED,
                        140,
                        "acme/springfield/packaging/line1/filling/filler/speedSetpoint",
                        1,
                        CONVEYOR + "running",
                        1,
                        CONVEYOR + "temperatureLimit",
                        55.5));
        JsonNode items = a.body().get("items");
        assertThat(items.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(items.get(1).get("status").asText()).isEqualTo("denied");
        assertThat(items.get(1).get("reason").asText()).isEqualTo("unknown-tag");
        assertThat(items.get(2).get("status").asText()).isEqualTo("pending");
        assertThat(items.get(3).get("status").asText()).isEqualTo("pending");
        // the read-only discrete input cannot be written even once approved: no conduit, no write
        Answer approve = call(
                "POST", "/gw/approvals/" + items.get(2).get("approval").asText() + "/approve", login("bob"), Map.of());
        assertThat(approve.status()).isEqualTo(403);
        assertThat(approve.body().get("detail").asText()).contains("read-only");
        // outside the conduit's address range (register 2): approved, but the policy refuses the path
        Answer outside = call(
                "POST", "/gw/approvals/" + items.get(3).get("approval").asText() + "/approve", login("bob"), Map.of());
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body().get("detail").asText()).contains("conduit");
        assertThat(f.plcRequests).as("nothing reached the PLC").hasSize(plc);
    }

    @Test
    void selfApprovalAndApprovalByAnOperatorAreRefused() throws Exception {
        String alice = login("alice");
        int plc = f.plcRequests.size();
        String id = call("POST", "/gw/writes", alice, batch(SPEED, 150))
                .body()
                .get("items")
                .get(0)
                .get("approval")
                .asText();
        Answer self = call("POST", "/gw/approvals/" + id + "/approve", alice, Map.of());
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.body().get("detail").asText()).startsWith("self-approval");
        Answer viewer = call("POST", "/gw/approvals/" + id + "/approve", login("carol"), Map.of());
        assertThat(viewer.body().get("detail").asText()).startsWith("not-an-approver");
        assertThat(f.plcRequests).as("nothing reached the PLC").hasSize(plc);
    }

    @Test
    void anApprovalAfterItsExpiryIsRefused() throws Exception {
        String alice = login("alice");
        String bob = login("bob");
        int plc = f.plcRequests.size();
        String id = call("POST", "/gw/writes", alice, batch(SPEED, 160))
                .body()
                .get("items")
                .get(0)
                .get("approval")
                .asText();
        f.clock.advance(Duration.ofMinutes(3));
        Answer late = call("POST", "/gw/approvals/" + id + "/approve", bob, Map.of());
        assertThat(late.status()).isEqualTo(410);
        assertThat(f.plcRequests).as("nothing reached the PLC").hasSize(plc);
    }

    @Test
    void concurrentApprovalsExecuteTheChangeExactlyOnce() throws Exception {
        String alice = login("alice");
        String bob = login("bob");
        String dave = login("dave");
        int plc = f.plcRequests.size();
        int warned = f.warnings.size();
        String id = call("POST", "/gw/writes", alice, batch(SPEED, 171))
                .body()
                .get("items")
                .get(0)
                .get("approval")
                .asText();
        int attempts = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String who = i % 2 == 0 ? bob : dave;
            Callable<Integer> approve = () -> {
                go.await();
                return call("POST", "/gw/approvals/" + id + "/approve", who, Map.of())
                        .status();
            };
            results.add(pool.submit(approve));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(attempts - 1);
        // the PLC sees the write come from the gateway's configured address, the one the conduit
        // check decided from (gateway-to-cell, from the IDMZ), not from 127.0.0.1
        assertThat(f.plcRequests.subList(plc, f.plcRequests.size()))
                .containsExactly("127.0.0.50 WriteSingleRegister[address=0, value=171]");
        assertThat(f.warnings.subList(warned, f.warnings.size())).isEmpty();
        assertThat(register(0)).isEqualTo(171);
        List<AuditEvent> executed = f.events.stream()
                .filter(e -> e.type().equals("write.executed") && e.eventId().equals(id))
                .toList();
        assertThat(executed).hasSize(1);
        assertThat(executed.get(0).eventId()).isEqualTo(id);
        assertThat(executed.get(0).details())
                .containsEntry("requester", "alice")
                .containsEntry("conduit", "gateway-to-cell");
    }

    @Test
    void lockoutAfterRepeatedFailuresAnswers429() throws Exception {
        // eve is the fixture's account for this case alone: locking her leaves every other case's users alone
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/gw/login", null, Map.of("user", "eve", "password", "guess", "totp", "000000"))
                            .status())
                    .isEqualTo(401);
        }
        Answer locked = call("POST", "/gw/login", null, Map.of("user", "eve", "password", "guess", "totp", "000000"));
        assertThat(locked.status()).isEqualTo(429);
        f.clock.advance(Duration.ofSeconds(30));
        String code = Totp.codeAt(GatewayFixture.secretOf("eve"), f.clock.instant());
        Answer right = call(
                "POST",
                "/gw/login",
                null,
                Map.of("user", "eve", "password", new String(GatewayFixture.PW), "totp", code));
        assertThat(right.status())
                .as("a locked account is refused even the right password")
                .isEqualTo(429);
        assertThat(login("mallory"))
                .as("the lock is the account's, not the address's")
                .isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json",
                "[]",
                "{\"items\": 3}",
                "{\"items\": [{\"tag\": 1, \"value\": 2}]}",
                "{\"items\": [{\"tag\": \"a/b\", \"value\": 2}]}",
                "{\"items\": [{\"tag\": \"" + CONVEYOR + "speedSetpoint\", \"value\": \"x\"}]}",
                "{\"items\": []}"
            })
    void malformedWriteRequestsAreBadRequests(String body) throws Exception {
        Answer a = call("POST", "/gw/writes", login("alice"), body);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApprovalListTakesAStateAndRefusesAnUnknownOne() throws Exception {
        String bob = login("bob");
        Answer unknown = call("GET", "/gw/approvals?state=unknown-outcome", bob, null);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body().get("items").isArray()).isTrue();
        assertThat(unknown.body().get("items")).isEmpty();
        Answer bad = call("GET", "/gw/approvals?state=all", bob, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asText()).contains("'state'");
    }

    static String requestChange(String bearer, double value) throws Exception {
        return approval(call("POST", "/gw/writes", bearer, batch(SPEED, value)));
    }

    @Test
    void aSecondPersonRejectsAPendingChangeOnceAndItIsNeverExecuted() throws Exception {
        String alice = login("alice");
        String bob = login("bob");
        int sent = f.plcRequests.size();
        String id = requestChange(alice, 131);
        Answer self = call("POST", "/gw/approvals/" + id + "/reject", alice, Map.of());
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.body().get("detail").asText()).startsWith("self-rejection");
        Answer viewer = call("POST", "/gw/approvals/" + id + "/reject", login("carol"), null);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.body().get("detail").asText()).startsWith("not-an-approver");

        Answer no = call("POST", "/gw/approvals/" + id + "/reject", bob, Map.of("reason", "line is changing over"));
        assertThat(no.status()).as(no.body().toString()).isEqualTo(200);
        assertThat(no.body().get("state").asText()).isEqualTo("rejected");
        assertThat(no.body().get("approver").asText()).isEqualTo("bob");
        assertThat(no.body().get("reason").asText()).isEqualTo("line is changing over");

        Answer approveAfter = call("POST", "/gw/approvals/" + id + "/approve", login("dave"), Map.of());
        assertThat(approveAfter.status()).isEqualTo(409);
        Answer again = call("POST", "/gw/approvals/" + id + "/reject", bob, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("already rejected");
        assertThat(f.plcRequests).hasSize(sent);

        // the requester's own list says who said no, when, and why: no audit log needed
        JsonNode own = call("GET", "/gw/approvals", alice, null).body().get("items");
        assertThat(own.findValues("id").stream().map(JsonNode::asText)).contains(id);
        JsonNode mine = null;
        for (JsonNode a : own) {
            if (a.get("id").asText().equals(id)) {
                mine = a;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("state").asText()).isEqualTo("rejected");
        assertThat(mine.get("reason").asText()).isEqualTo("line is changing over");
        assertThat(mine.get("decidedBy").asText()).isEqualTo("bob");
        assertThat(Instant.parse(mine.get("decided").asText()))
                .isBetween(Instant.parse(mine.get("created").asText()), f.clock.instant());
        assertThat(no.body().get("decided").asText())
                .isEqualTo(mine.get("decided").asText());
        JsonNode stillOpen =
                call("GET", "/gw/approvals?state=pending", bob, null).body().get("items");
        for (JsonNode a : stillOpen) {
            assertThat(a.get("decided").isNull()).as("pending: not decided").isTrue();
            assertThat(a.get("reason").isNull()).isTrue();
        }
        assertThat(f.events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("write.rejected");
            assertThat(e.eventId()).isEqualTo(id);
            assertThat(e.result()).isEqualTo(io.isthmus.access.audit.AuditResult.DENIED);
            assertThat(e.details()).containsEntry("reason", "line is changing over");
        });
    }

    @Test
    void aRejectionThatIsLateUnknownOrMalformedIsRefused() throws Exception {
        String alice = login("alice");
        String bob = login("bob");
        assertThat(call("POST", "/gw/approvals/apr-000000000000000000000000/reject", bob, null)
                        .status())
                .isEqualTo(404);
        String id = requestChange(alice, 132);
        Answer bad = call("POST", "/gw/approvals/" + id + "/reject", bob, Map.of("reason", 42));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asText()).contains("'reason'");
        assertThat(call("POST", "/gw/approvals/" + id + "/reject", bob, "x".repeat(10))
                        .status())
                .isEqualTo(400);
        f.clock.advance(Duration.ofMinutes(3));
        Answer late = call("POST", "/gw/approvals/" + id + "/reject", bob, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asText()).startsWith("expired");
    }

    @Test
    void onlyTheRequesterWithdrawsTheirPendingRequest() throws Exception {
        String alice = login("alice");
        String bob = login("bob");
        int sent = f.plcRequests.size();
        String id = requestChange(alice, 133);
        Answer other = call("POST", "/gw/approvals/" + id + "/withdraw", bob, null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("detail").asText()).startsWith("not-requester");
        Answer mine = call("POST", "/gw/approvals/" + id + "/withdraw", alice, null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("state").asText()).isEqualTo("withdrawn");
        assertThat(mine.body().get("decidedBy").asText()).isEqualTo("alice");
        assertThat(Instant.parse(mine.body().get("decided").asText()))
                .isBetween(Instant.parse(mine.body().get("created").asText()), f.clock.instant());
        assertThat(mine.body().get("reason").isNull()).isTrue();
        assertThat(call("POST", "/gw/approvals/" + id + "/approve", bob, Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(call("POST", "/gw/approvals/" + id + "/withdraw", alice, null)
                        .status())
                .isEqualTo(409);
        assertThat(f.plcRequests).hasSize(sent);
        assertThat(f.events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("write.withdrawn");
            assertThat(e.eventId()).isEqualTo(id);
            assertThat(e.source()).startsWith("alice@");
        });
    }

    @Test
    void signingOutRevokesTheTokenAtOnce() throws Exception {
        String alice = login("alice");
        assertThat(call("GET", "/gw/me", alice, null).status()).isEqualTo(200);
        Answer out = call("POST", "/gw/logout", alice, null);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body().get("state").asText()).isEqualTo("signed-out");
        Answer after = call("GET", "/gw/me", alice, null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(call("POST", "/gw/logout", alice, null).status()).isEqualTo(401);
        assertThat(call("POST", "/gw/writes", alice, batch(SPEED, 134)).status())
                .isEqualTo(401);
        assertThat(f.events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("logout");
            assertThat(e.source()).startsWith("alice@");
        });
        // a service authenticated by its certificate has no session to end
        Answer cert = call(client(f.serviceTls), "POST", "/gw/logout", null, null);
        assertThat(cert.status()).isEqualTo(400);
        assertThat(cert.body().get("detail").asText()).contains("client certificate");
    }

    @Test
    void aProgramTransferIsDecidedAndRecordedThenRefusedAsUnsupportedWithoutAnApproval() throws Exception {
        int plc = f.plcRequests.size();
        String sam = login("sam");
        int pendingBefore = call("GET", "/gw/approvals?state=pending", sam, null)
                .body()
                .get("items")
                .size();
        Map<String, Object> body = Map.of("tag", SPEED.toString(), "name", "conveyor-v3", "sha256", "0f".repeat(32));
        Answer a = call("POST", "/gw/programs", sam, body);
        assertThat(a.status()).isEqualTo(501);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("detail").asText())
                .startsWith("no-program-transfer: no driver of this gateway transfers programs to conveyor");
        assertThat(f.events)
                .filteredOn(e -> e.type().equals("program.requested")
                        && "conveyor-v3".equals(e.details().get("program")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.result()).isEqualTo(io.isthmus.access.audit.AuditResult.DENIED);
                    assertThat(e.source()).startsWith("sam@");
                    assertThat(e.details())
                            .containsEntry("reason", "no-program-transfer")
                            .containsEntry("decision", "needs-approval")
                            .containsEntry("sha256", "0f".repeat(32));
                });
        assertThat(call("GET", "/gw/approvals?state=pending", sam, null)
                        .body()
                        .get("items")
                        .size())
                .as("no approval opened for what cannot be executed")
                .isEqualTo(pendingBefore);

        Answer tom = call("POST", "/gw/programs", login("tom"), body);
        assertThat(tom.status()).isEqualTo(403);
        assertThat(tom.body().get("detail").asText())
                .startsWith("subject-not-matched: tom's attributes do not meet the conditions");
        Answer me = call("GET", "/gw/me", sam, null);
        assertThat(me.body().get("attributes").get("company").asText()).isEqualTo("beltco");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("tag", SPEED.toString(), "name", "conveyor-v3", "sha256", "0F".repeat(32)),
                Map.of("tag", SPEED.toString(), "name", "two words", "sha256", "0f".repeat(32)),
                Map.of("tag", SPEED.toString(), "name", "conveyor-v3"),
                Map.of("tag", "not/a/path", "name", "conveyor-v3", "sha256", "0f".repeat(32)))) {
            assertThat(call("POST", "/gw/programs", sam, bad).status())
                    .as(bad.toString())
                    .isEqualTo(400);
        }
        assertThat(f.plcRequests).as("nothing reached the PLC").hasSize(plc);
    }

    static Map<String, Object> recipeBody(String name, Object... tagValue) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(batch(tagValue));
        body.put("name", name);
        return body;
    }

    @Test
    void aRecipeIsApprovedOnceAsAWholeAndWrittenWithOneFc16() throws Exception {
        String alice = login("alice");
        String process = CONVEYOR + "processSetpoint";
        Map<String, Object> body = recipeBody("bottle-500ml", SPEED, 171, process, 48);
        body.put("description", "500 ml PET");
        Answer asked = call("POST", "/gw/recipes", alice, body);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
        assertThat(asked.body().get("status").asText()).isEqualTo("pending");
        String id = asked.body().get("approval").asText();
        int plc = f.plcRequests.size();

        String bob = login("bob");
        JsonNode listed = null;
        for (JsonNode a :
                call("GET", "/gw/approvals?state=pending", bob, null).body().get("items")) {
            if (a.get("id").asText().equals(id)) {
                listed = a;
            }
        }
        assertThat(listed).as("the approver sees the recipe").isNotNull();
        assertThat(listed.get("recipe").asText()).isEqualTo("bottle-500ml");
        assertThat(listed.get("description").asText()).isEqualTo("500 ml PET");
        assertThat(listed.get("items")).hasSize(2);
        assertThat(listed.get("items").get(1).get("tag").asText()).isEqualTo(process);
        assertThat(listed.get("items").get(1).get("value").asDouble()).isEqualTo(48.0);

        Answer self = call("POST", "/gw/approvals/" + id + "/approve", alice, Map.of());
        assertThat(self.status()).isEqualTo(403);
        Answer approved = call("POST", "/gw/approvals/" + id + "/approve", bob, Map.of());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().get("state").asText()).isEqualTo("executed");
        Answer again = call("POST", "/gw/approvals/" + id + "/approve", login("dave"), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(f.plcRequests.subList(plc, f.plcRequests.size()))
                .containsExactly("127.0.0.50 WriteMultipleRegisters[address=0, quantity=2, values=[171, 48]]");
        assertThat(register(0)).isEqualTo(171);
        assertThat(register(1)).isEqualTo(48);

        Answer denied = call("POST", "/gw/recipes", login("carol"), recipeBody("r", SPEED, 1, process, 2));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(denied.body().get("detail").asText())
                .startsWith("recipe r denied, nothing was sent:")
                .contains(SPEED + " (action-not-granted", process + " (action-not-granted");
    }

    @Test
    void aNamedRecipeIsListedToThoseWhoMayReadItAndAppliedThroughTheSameApproval() throws Exception {
        String alice = login("alice");
        JsonNode listed = call("GET", "/gw/recipes", alice, null).body().get("recipes");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("line-speed");
        assertThat(listed.get(0).get("description").asText()).isEqualTo("conveyor at 150, process 60");
        assertThat(listed.get(0).get("items").get(1).get("tag").asText()).isEqualTo(CONVEYOR + "processSetpoint");
        assertThat(call("GET", "/gw/recipes", login("mallory"), null).body().get("recipes"))
                .as("no read permission on its items: not listed")
                .isEmpty();
        int plc = f.plcRequests.size();

        Answer unknown = call("POST", "/gw/recipes/no-such-recipe", alice, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).contains("no configured recipe no-such-recipe");
        Answer denied = call("POST", "/gw/recipes/line-speed", login("carol"), null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().get("detail").asText())
                .startsWith("recipe line-speed denied, nothing was sent:")
                .contains(SPEED + " (action-not-granted");
        Answer spoof = call("POST", "/gw/recipes", alice, recipeBody("line-speed", SPEED, 1));
        assertThat(spoof.status())
                .as("an ad hoc recipe may not take a configured name")
                .isEqualTo(400);
        assertThat(f.plcRequests).as("nothing reached the PLC yet").hasSize(plc);

        Answer asked = call("POST", "/gw/recipes/line-speed", alice, null);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
        assertThat(asked.body().get("status").asText()).isEqualTo("pending");
        String id = asked.body().get("approval").asText();
        Answer approved = call("POST", "/gw/approvals/" + id + "/approve", login("bob"), Map.of());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().get("state").asText()).isEqualTo("executed");
        assertThat(f.plcRequests.subList(plc, f.plcRequests.size()))
                .containsExactly("127.0.0.50 WriteMultipleRegisters[address=0, quantity=2, values=[150, 60]]");
        assertThat(f.events)
                .filteredOn(e -> e.eventId().equals(id))
                .extracting(AuditEvent::type)
                .containsExactly("recipe.requested", "recipe.approved", "recipe.executing", "recipe.executed");
        assertThat(f.events).filteredOn(e -> e.eventId().equals(id)).allSatisfy(e -> {
            assertThat(e.details()).containsEntry("recipe", "line-speed");
            assertThat(e.details()).containsEntry("item.01", SPEED + " 150.0");
        });
    }

    @Test
    void malformedRecipeBodiesAnswer400AndReachNothing() throws Exception {
        String alice = login("alice");
        int plc = f.plcRequests.size();
        String process = CONVEYOR + "processSetpoint";
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tooMany.add(Map.of("tag", CONVEYOR + "t" + i, "value", 1));
        }
        List<Object> bad = List.of(
                "not json",
                Map.of("items", List.of(Map.of("tag", SPEED, "value", 1))),
                Map.of("name", "r"),
                Map.of("name", "r", "items", "speed"),
                Map.of("name", "r", "items", List.of()),
                Map.of("name", "r", "items", tooMany),
                recipeBody("r", SPEED, 1, SPEED, 2),
                recipeBody("r", CONVEYOR + "noSuchTag", 1),
                recipeBody("r", SPEED, "fast"),
                recipeBody("r", SPEED, true),
                recipeBody("r", SPEED, 1e12),
                recipeBody("r", CONVEYOR + "running", 1),
                recipeBody("r", CONVEYOR + "runCommand", 1),
                recipeBody("two words", SPEED, 1),
                recipeBody("r".repeat(65), SPEED, 1),
                Map.of("name", 5, "items", List.of(Map.of("tag", process, "value", 1))));
        for (Object body : bad) {
            Answer a = call("POST", "/gw/recipes", alice, body);
            assertThat(a.status()).as(body.toString() + " " + a.body()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        assertThat(f.plcRequests).as("nothing reached the PLC").hasSize(plc);
    }

    @Test
    void theAuditLogVerifiesAndHoldsEveryStep() throws Exception {
        int from = f.events.size();
        String alice = login("alice");
        String bob = login("bob");
        assertThat(call("GET", "/gw/tags/" + SPEED, alice, null).status()).isEqualTo(200);
        assertThat(call("GET", "/gw/tags/" + SPEED, null, null).status()).isEqualTo(401);
        String write = requestChange(alice, 136);
        assertThat(call("POST", "/gw/approvals/" + write + "/approve", alice, Map.of())
                        .status())
                .as("self-approval")
                .isEqualTo(403);
        assertThat(call("POST", "/gw/approvals/" + write + "/approve", bob, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(call("POST", "/gw/approvals/" + requestChange(alice, 137) + "/reject", bob, null)
                        .status())
                .isEqualTo(200);
        assertThat(call("POST", "/gw/approvals/" + requestChange(alice, 138) + "/withdraw", alice, null)
                        .status())
                .isEqualTo(200);
        String recipe = call("POST", "/gw/recipes/line-speed", alice, null)
                .body()
                .get("approval")
                .asText();
        assertThat(call("POST", "/gw/approvals/" + recipe + "/approve", bob, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(call("POST", "/gw/logout", alice, null).status()).isEqualTo(200);

        f.audit.checkpoint();
        var report = new AuditVerifier(AuditLimits.DEFAULT)
                .verify(
                        f.dir.resolve("audit"),
                        AuditKeys.readPublic(f.dir.resolve("audit").resolve(AuditKeys.PUBLIC_FILE)),
                        Optional.empty());
        assertThat(report.ok()).as(report.findings().toString()).isTrue();
        List<String> types = f.events.subList(from, f.events.size()).stream()
                .map(AuditEvent::type)
                .distinct()
                .toList();
        assertThat(types)
                .contains(
                        "login",
                        "read",
                        "write.requested",
                        "write.approved",
                        "write.executing",
                        "write.executed",
                        "approval",
                        "write.rejected",
                        "write.withdrawn",
                        "recipe.requested",
                        "recipe.approved",
                        "recipe.executing",
                        "recipe.executed",
                        "logout",
                        "unauthenticated");
    }

    @Test
    void killingTheGatewayLeavesNoPathToThePlc() throws Exception {
        // a gateway and factory of its own: the shared one stays up for the other cases, in any order
        try (GatewayFixture g = new GatewayFixture(LIMITS)) {
            HttpClient c = client(g.clientTls);
            String alice = login(g, c, "alice");
            String bob = login(g, c, "bob");
            String done = approval(call(g, c, "POST", "/gw/writes", alice, batch(SPEED, 172)));
            assertThat(call(g, c, "POST", "/gw/approvals/" + done + "/approve", bob, Map.of())
                            .status())
                    .isEqualTo(200);
            String id = approval(call(g, c, "POST", "/gw/writes", alice, batch(SPEED, 180)));
            int before = g.plcRequests.size();
            g.server.close();
            Answer after = null;
            try {
                after = call(g, c, "POST", "/gw/approvals/" + id + "/approve", bob, Map.of());
            } catch (java.io.IOException expected) {
                // connection refused or reset: the gateway is gone
            }
            assertThat(after).as(String.valueOf(after)).isNull();
            assertThat(g.plcRequests).hasSize(before);
            assertThat(g.plcRequests)
                    .as("every change reached the PLC from the gateway's own connection and address")
                    .containsExactly("127.0.0.50 WriteSingleRegister[address=0, value=172]");
            assertThat(register(g, 0)).isEqualTo(172);
        }
    }

    static String approval(Answer pending) {
        assertThat(pending.body().get("items").get(0).get("status").asText()).isEqualTo("pending");
        return pending.body().get("items").get(0).get("approval").asText();
    }

    static final class TrustAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }
}
