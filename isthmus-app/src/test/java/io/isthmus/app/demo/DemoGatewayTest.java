package io.isthmus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.identity.Base32;
import io.isthmus.access.identity.Totp;
import io.isthmus.app.Main;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.modbus.ModbusConnection;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 7's "done when", end to end on the real demo: the demo's operator asks for a setpoint
 * change in the protected cell, it waits; the demo's approver approves it; the conveyor PLC's
 * register changes (read back over Modbus); the audit log holds requested, approved, executing and
 * executed and verifies; the decisions are ACCESS_DECISION events of the hub; and after the demo
 * stops, {@code isthmus audit verify} passes on its log and fails on a tampered copy.
 */
class DemoGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEED = "acme/springfield/packaging/line1/transport/conveyor/speedSetpoint";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body) {}

    @Test
    void aSetpointChangeFromTheConsoleWaitsForTheApproverIsExecutedOnceAndAudited(@TempDir Path tmp) throws Exception {
        int opcUaPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUaPort = free.getLocalPort();
        }
        VirtualFactoryConfig config = VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = 0;
            b.opcUaPort = opcUaPort;
            b.pkiDir = tmp.resolve("pki");
        });
        Path audit;
        try (DemoRuntime demo = DemoRuntime.start(
                config, new InetSocketAddress("127.0.0.1", 0), o -> {}, Optional.of(tmp.resolve("data")))) {
            String base = "http://127.0.0.1:" + demo.httpPort();
            audit = demo.auditDir();
            assertThat(demo.gatewayUsers())
                    .extracting(DemoGateway.DemoUser::name)
                    .containsExactly("operator", "approver");
            StringWriter printed = new StringWriter();
            io.isthmus.app.cli.DemoCommand.printGateway(
                    new PrintWriter(printed), new PrintWriter(new StringWriter()), demo);
            for (DemoGateway.DemoUser u : demo.gatewayUsers()) {
                assertThat(printed.toString()).contains(u.password()).contains(u.totpSecret());
            }

            String operator = login(base, demo, "operator");
            Answer me = call(base, "GET", "/gw/me", operator, null);
            assertThat(me.body().get("name").asText()).isEqualTo("operator");
            assertThat(me.body().get("roles").get(0).asText()).isEqualTo("operator");
            JsonNode named =
                    call(base, "GET", "/gw/recipes", operator, null).body().get("recipes");
            assertThat(named.findValuesAsText("name")).containsExactly("conveyor-gentle");
            assertThat(named.get(0).get("items")).hasSize(2);

            int before = register(demo, 0);
            int wanted = before == 150 ? 140 : 150;
            Answer asked = call(
                    base,
                    "POST",
                    "/gw/writes",
                    operator,
                    Map.of("items", List.of(Map.of("tag", SPEED, "value", wanted))));
            assertThat(asked.status()).isEqualTo(200);
            JsonNode item = asked.body().get("items").get(0);
            assertThat(item.get("status").asText()).isEqualTo("pending");
            String id = item.get("approval").asText();
            assertThat(register(demo, 0)).isEqualTo(before);

            String approver = login(base, demo, "approver");
            Answer pending = call(base, "GET", "/gw/approvals", approver, null);
            assertThat(pending.body().get("items").findValuesAsText("id")).contains(id);
            Answer approved = call(base, "POST", "/gw/approvals/" + id + "/approve", approver, Map.of());
            assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
            assertThat(approved.body().get("state").asText()).isEqualTo("executed");
            assertThat(register(demo, 0)).isEqualTo(wanted);
            Answer again = call(base, "POST", "/gw/approvals/" + id + "/approve", approver, Map.of());
            assertThat(again.status()).isEqualTo(409);

            JsonNode log =
                    call(base, "GET", "/api/audit?limit=1000", null, null).body();
            assertThat(log.get("verified").get("ok").asBoolean()).isTrue();
            List<String> types = new ArrayList<>();
            for (JsonNode r : log.get("items")) {
                if (r.get("id").asText().equals(id)) {
                    types.add(r.get("type").asText() + "/" + r.get("result").asText());
                }
            }
            assertThat(types.reversed())
                    .containsExactly(
                            "write.requested/pending",
                            "write.approved/success",
                            "write.executing/pending",
                            "write.executed/success",
                            "approval/denied"); // the second approval, refused with 409
            JsonNode onlyDenied = call(base, "GET", "/api/audit?category=control-system&result=denied", null, null)
                    .body();
            assertThat(onlyDenied.get("items").findValuesAsText("result")).containsOnly("denied");
            assertThat(call(base, "GET", "/api/audit?limit=0", null, null).status())
                    .isEqualTo(400);

            JsonNode events =
                    call(base, "GET", "/api/events?limit=1000", null, null).body();
            List<JsonNode> gateway = new ArrayList<>();
            events.get("items").forEach(e -> {
                if (e.get("edge").asText().equals("gateway")) {
                    gateway.add(e);
                }
            });
            assertThat(gateway)
                    .anySatisfy(e -> {
                        assertThat(e.get("kind").asText()).isEqualTo("access_decision");
                        assertThat(e.get("facts").get("action").asText()).isEqualTo("write.executed");
                        assertThat(e.get("facts").get("actor").asText()).isEqualTo("approver");
                        assertThat(e.get("facts").get("tag").asText()).isEqualTo(SPEED);
                        assertThat(e.get("assets").get(0).asText())
                                .isEqualTo("ip:127.0.0.10"); // the conveyor PLC's own address
                    })
                    .anySatisfy(e -> assertThat(e.get("severity").asText()).isEqualTo("medium"));
        }

        CliRun verified = cli("audit", "verify", audit.toString());
        assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
        Path copy = tmp.resolve("tampered");
        Files.createDirectories(copy);
        try (var files = Files.list(audit)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path records = copy.resolve("audit.log");
        String text = Files.readString(records);
        Files.writeString(records, text.replace("write.approved", "write.approvex"));
        assertThat(Files.readString(records)).isNotEqualTo(text);
        CliRun tampered = cli("audit", "verify", copy.toString());
        assertThat(tampered.code()).isEqualTo(4);
        assertThat(tampered.out() + tampered.err()).contains("FAIL");
    }

    record CliRun(int code, String out, String err) {}

    private static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Logs in with the printed password and the code `isthmus gateway code` prints for the stored secret. */
    private String login(String base, DemoRuntime demo, String name) throws Exception {
        DemoGateway.DemoUser u = demo.gatewayUsers().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow();
        CliRun code =
                cli("gateway", "code", name, "--users", demo.gatewayUsersFile().toString());
        assertThat(code.code()).isZero();
        String totp = code.out().strip();
        assertThat(totp)
                .isIn(
                        Totp.codeAt(Base32.decode(u.totpSecret()).orElseThrow(), Instant.now()),
                        Totp.codeAt(
                                Base32.decode(u.totpSecret()).orElseThrow(),
                                Instant.now().minusSeconds(30)));
        Answer a = call(base, "POST", "/gw/login", null, Map.of("user", name, "password", u.password(), "totp", totp));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().get("token").asText();
    }

    private Answer call(String base, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }

    private static int register(DemoRuntime demo, int address) throws Exception {
        SourceConfig conveyor = DemoRuntime.tagsFor(demo.factory()).sources().stream()
                .filter(s -> s.id().equals("conveyor"))
                .findFirst()
                .orElseThrow();
        try (ModbusConnection c = ModbusConnection.open(conveyor)) {
            var r = (ModbusResponse.ReadHoldingRegisters) c.execute(new ModbusRequest.ReadHoldingRegisters(address, 1));
            return r.registers().get(0);
        }
    }
}
