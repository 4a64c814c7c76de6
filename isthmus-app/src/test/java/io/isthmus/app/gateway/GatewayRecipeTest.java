package io.isthmus.app.gateway;

import static io.isthmus.app.gateway.GatewayFixture.CONVEYOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditKeys;
import io.isthmus.access.audit.AuditLimits;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.access.audit.AuditVerifier;
import io.isthmus.access.gateway.AccessGateway;
import io.isthmus.access.gateway.Approval;
import io.isthmus.access.gateway.ApproveResult;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.gateway.OtPath;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.access.gateway.RecipeResult;
import io.isthmus.access.gateway.RejectResult;
import io.isthmus.access.gateway.WriteItem;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.config.TagConfigYaml;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.modbus.ModbusConnection;
import io.isthmus.model.TagPath;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recipes against the virtual factory's conveyor PLC (127.0.0.10, ten holding registers): decided
 * item by item, one approval for the whole recipe, executed as FC 16 Write Multiple Registers per
 * contiguous register run, one {@code recipe.*} record chain, rebuilt across a restart. The gateway
 * here has its own policy (a conduit for FC 6 and 16 over addresses 0..99) and device table (a tag
 * outside the operator's tags, a 32-bit word-swapped register, a register beyond the PLC's table, one
 * beyond the conduit), over the fixture's PLC, people and historian.
 */
class GatewayRecipeTest {
    static final GatewayLimits LIMITS =
            new GatewayLimits(Duration.ofMinutes(15), 1000, Duration.ofMinutes(2), 100, 100);
    static final InetAddress HERE = GatewayFixture.address("127.0.0.1");
    static final TagPath SPEED = TagPath.parse(CONVEYOR + "speedSetpoint");
    static final TagPath PROCESS = TagPath.parse(CONVEYOR + "processSetpoint");
    static final TagPath TEMP = TagPath.parse(CONVEYOR + "temperatureLimit");
    static final TagPath RAMP = TagPath.parse(CONVEYOR + "rampTime");
    static final TagPath TOTAL = TagPath.parse(CONVEYOR + "batchTarget");
    static final TagPath BEYOND_TABLE = TagPath.parse(CONVEYOR + "spare20");
    static final TagPath BEYOND_CONDUIT = TagPath.parse(CONVEYOR + "spare200");
    static final TagPath RUN = TagPath.parse(CONVEYOR + "runCommand");
    static final TagPath RUNNING = TagPath.parse(CONVEYOR + "running");
    static final TagPath FILL = TagPath.parse("acme/springfield/packaging/line1/filler/plc/fillVolume");

    /** Its own conduit: FC 5, 6 and 16 over addresses 0..99, so the table's registers up to 20 are reachable. */
    static final String POLICY = GatewayFixture.policy("gateway-recipes", "0..99", "");

    static String devices(String plc) {
        String c = CONVEYOR;
        return """
                sources:
                  - id: conveyor
                    kind: modbus-tcp
                    endpoint: %s
                    unit-id: 1
                tags:
                  - { path: %sspeedSetpoint, source: conveyor, address: "holding:0:uint16" }
                  - { path: %sprocessSetpoint, source: conveyor, address: "holding:1:uint16" }
                  - { path: %stemperatureLimit, source: conveyor, address: "holding:2:int16:scale=0.1" }
                  - { path: %srampTime, source: conveyor, address: "holding:4:uint16" }
                  - { path: %sbatchTarget, source: conveyor, address: "holding:8:int32:ws" }
                  - { path: %sspare20, source: conveyor, address: "holding:20:uint16" }
                  - { path: %sspare200, source: conveyor, address: "holding:200:uint16" }
                  - { path: %srunCommand, source: conveyor, address: "coil:0" }
                  - { path: %srunning, source: conveyor, address: "discrete:0" }
                  - { path: acme/springfield/packaging/line1/filler/plc/fillVolume, source: conveyor, address: "holding:3:uint16" }
                """.formatted(plc, c, c, c, c, c, c, c, c, c);
    }

    static GatewayFixture f;
    static PolicyYaml.PolicyFile files;
    static ModbusOtPath ot;
    RestartingAuditLog audit;
    final List<AuditEvent> events = new ArrayList<>();
    GatewayFixture.MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        f = new GatewayFixture(LIMITS);
        files = PolicyYaml.parseFile("recipes.yaml", POLICY.getBytes(StandardCharsets.UTF_8));
        var table = TagConfigYaml.parse(
                "devices.yaml", devices(f.conveyor.hostPort()).getBytes(StandardCharsets.UTF_8));
        ot = new ModbusOtPath(table, files.policy(), GatewayFixture.address("127.0.0.50"), w -> {});
    }

    @AfterAll
    static void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @BeforeEach
    void fresh() throws Exception {
        audit = new RestartingAuditLog(f.dir, "audit-recipe");
        clock = new GatewayFixture.MutableClock(Instant.now());
        f.plcRequests.clear();
        writeRegisters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        f.plcRequests.clear();
    }

    @AfterEach
    void closeLogs() throws IOException {
        audit.close();
    }

    AccessGateway boot(OtPath path) throws IOException {
        return f.gatewayOver(files, audit.reopen(), path, events::add, clock, LIMITS);
    }

    static Recipe recipe(Object... tagValue) {
        List<WriteItem> items = new ArrayList<>();
        for (int i = 0; i < tagValue.length; i += 2) {
            items.add(new WriteItem((TagPath) tagValue[i], ((Number) tagValue[i + 1]).doubleValue()));
        }
        return new Recipe("bottle-500ml", "summer line-up", items);
    }

    String requestApproval(AccessGateway gw, Recipe r) {
        RecipeResult res = gw.recipe(f.account("alice"), HERE, r);
        assertThat(res).as(res.toString()).isInstanceOf(RecipeResult.Pending.class);
        return ((RecipeResult.Pending) res).approval().id();
    }

    @Test
    void anApprovedRecipeWritesEveryRegisterRunWithOneFc16Each() throws Exception {
        AccessGateway gw = boot(ot);
        Recipe r = recipe(RAMP, 12, SPEED, 171, TEMP, 65.5, PROCESS, 42, TOTAL, 70000);
        String id = requestApproval(gw, r);
        assertThat(f.plcRequests).as("nothing sent before the approval").isEmpty();
        assertThat(gw.visibleApprovals(f.account("bob"), HERE)).singleElement().satisfies(a -> {
            assertThat(a.recipe()).contains(r);
            assertThat(a.state()).isEqualTo(Approval.State.PENDING);
        });

        assertThat(gw.approve(f.account("bob"), HERE, id)).isInstanceOf(ApproveResult.Executed.class);

        assertThat(f.plcRequests)
                .as("one FC 16 per contiguous run: 0..2, 4, 8..9 (word-swapped int32)")
                .containsExactly(
                        "127.0.0.50 WriteMultipleRegisters[address=0, quantity=3, values=[171, 42, 655]]",
                        "127.0.0.50 WriteMultipleRegisters[address=4, quantity=1, values=[12]]",
                        "127.0.0.50 WriteMultipleRegisters[address=8, quantity=2, values=[4464, 1]]");
        assertThat(registers(0, 10)).containsExactly(171, 42, 655, 0, 12, 0, 0, 0, 0x1170, 0x0001);
        assertThat(gw.approval(id)).map(Approval::state).contains(Approval.State.EXECUTED);
        assertThat(gw.approve(f.account("dave"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Refused.class,
                        x -> assertThat(x.reason()).isEqualTo(ApproveResult.Refusal.ALREADY_DECIDED));
        assertThat(f.plcRequests).as("executed exactly once").hasSize(3);
        assertThat(events)
                .filteredOn(e -> e.type().equals("approval") && e.eventId().equals(id))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("reason", "already-decided"));

        assertThat(chain(id))
                .extracting(AuditEvent::type, AuditEvent::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("recipe.requested", AuditResult.PENDING),
                        org.assertj.core.groups.Tuple.tuple("recipe.approved", AuditResult.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("recipe.executing", AuditResult.PENDING),
                        org.assertj.core.groups.Tuple.tuple("recipe.executed", AuditResult.SUCCESS));
        assertThat(chain(id))
                .allSatisfy(e -> assertThat(e.details())
                        .containsEntry("recipe", "bottle-500ml")
                        .containsEntry("item.01", RAMP + " 12.0")
                        .containsEntry("item.05", TOTAL + " 70000.0"));
        assertThat(chain(id).get(3).details()).containsEntry("conduit", "gateway-recipes");
        audit.current().checkpoint();
        var report = new AuditVerifier(AuditLimits.DEFAULT)
                .verify(
                        audit.dir(),
                        AuditKeys.readPublic(audit.dir().resolve(AuditKeys.PUBLIC_FILE)),
                        Optional.empty());
        assertThat(report.ok()).as(report.findings().toString()).isTrue();
    }

    @Test
    void aDeniedItemHiddenInARecipeDeniesItAllAndNothingIsWritten() throws Exception {
        AccessGateway gw = boot(ot);
        RecipeResult res = gw.recipe(f.account("alice"), HERE, recipe(SPEED, 160, FILL, 500, PROCESS, 43));
        assertThat(res)
                .isInstanceOfSatisfying(
                        RecipeResult.Denied.class,
                        d -> assertThat(d.items()).singleElement().satisfies(i -> {
                            assertThat(i.tag()).isEqualTo(FILL);
                            assertThat(i.reason()).isEqualTo("no-permission");
                        }));
        assertThat(gw.pending()).as("no approval opened").isEmpty();
        assertThat(f.plcRequests).isEmpty();
        assertThat(registers(0, 4)).containsExactly(0, 0, 0, 0);
        assertThat(events)
                .filteredOn(e -> e.type().equals("recipe.requested"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.result()).isEqualTo(AuditResult.DENIED);
                    assertThat(e.details()).containsEntry("denied", "02").containsEntry("reason", "no-permission");
                });
        RecipeResult viewer = gw.recipe(f.account("carol"), HERE, recipe(SPEED, 160, PROCESS, 43));
        assertThat(viewer)
                .as("every denied item is named")
                .isInstanceOfSatisfying(
                        RecipeResult.Denied.class, d -> assertThat(d.items()).hasSize(2));
    }

    @Test
    void aRunOutsideTheConduitStopsTheRecipeBeforeAnythingIsSent() throws Exception {
        AccessGateway gw = boot(ot);
        String id = requestApproval(gw, recipe(SPEED, 161, BEYOND_CONDUIT, 1));
        assertThat(gw.approve(f.account("bob"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Refused.class,
                        x -> assertThat(x.reason()).isEqualTo(ApproveResult.Refusal.CONDUIT_DENIED));
        assertThat(f.plcRequests).as("the allowed run 0..0 was not sent either").isEmpty();
        assertThat(chain(id)).extracting(AuditEvent::type).doesNotContain("recipe.executing");
    }

    @Test
    void aRunTheDeviceRefusesFailsTheRecipeNamingWhatWasWrittenAndWhatNot() throws Exception {
        AccessGateway gw = boot(ot);
        String id = requestApproval(gw, recipe(SPEED, 162, RAMP, 9, BEYOND_TABLE, 3));
        assertThat(gw.approve(f.account("bob"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Failed.class,
                        x -> assertThat(x.detail())
                                .contains(SPEED + "=written", RAMP + "=written", BEYOND_TABLE + "=not-written")
                                .contains("exception"));
        assertThat(registers(0, 5)).containsExactly(162, 0, 0, 0, 9);
        assertThat(gw.approval(id)).map(Approval::state).contains(Approval.State.FAILED);
        assertThat(chain(id).getLast()).satisfies(e -> {
            assertThat(e.type()).isEqualTo("recipe.failed");
            assertThat(e.result()).isEqualTo(AuditResult.FAILURE);
            assertThat(e.details()).containsEntry("written", "01,02").containsEntry("not-written", "03");
        });
    }

    @Test
    void theRequesterCannotApproveTheirOwnRecipeAndAnExpiredOneIsNeverExecuted() throws Exception {
        AccessGateway gw = boot(ot);
        String id = requestApproval(gw, recipe(SPEED, 163, PROCESS, 44));
        assertThat(gw.approve(f.account("alice"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Refused.class,
                        x -> assertThat(x.reason()).isEqualTo(ApproveResult.Refusal.SELF_APPROVAL));
        clock.advance(Duration.ofMinutes(3));
        assertThat(gw.approval(id))
                .as("a single read reports the expiry, before anything lists approvals")
                .map(Approval::state)
                .contains(Approval.State.EXPIRED);
        assertThat(gw.approve(f.account("bob"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Refused.class,
                        x -> assertThat(x.reason()).isEqualTo(ApproveResult.Refusal.EXPIRED));
        assertThat(f.plcRequests).isEmpty();
    }

    @Test
    void aRecipeIsRejectedOrWithdrawnOnceAsAWhole() throws Exception {
        AccessGateway gw = boot(ot);
        String rejected = requestApproval(gw, recipe(SPEED, 164, PROCESS, 45));
        assertThat(gw.reject(f.account("bob"), HERE, rejected, "wrong bottle size"))
                .isInstanceOf(RejectResult.Closed.class);
        String withdrawn = requestApproval(gw, recipe(SPEED, 165));
        assertThat(gw.withdraw(f.account("alice"), HERE, withdrawn)).isInstanceOf(RejectResult.Closed.class);
        assertThat(gw.approve(f.account("dave"), HERE, rejected)).isInstanceOf(ApproveResult.Refused.class);
        assertThat(f.plcRequests).isEmpty();
        assertThat(events).extracting(AuditEvent::type).contains("recipe.rejected", "recipe.withdrawn");

        AccessGateway after = boot(ot);
        assertThat(after.approval(rejected)).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo(Approval.State.REJECTED);
            assertThat(a.reason()).isEqualTo("wrong bottle size");
            assertThat(a.recipe()).map(x -> x.items().size()).contains(2);
        });
        assertThat(after.approval(withdrawn)).map(Approval::state).contains(Approval.State.WITHDRAWN);
    }

    @Test
    void aPendingRecipeSurvivesARestartAndExecutesOnce() throws Exception {
        Recipe r = recipe(SPEED, 166, PROCESS, 46);
        String id = requestApproval(boot(ot), r);
        AccessGateway second = boot(ot);
        assertThat(second.pending()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.recipe()).contains(r);
        });
        assertThat(second.approve(f.account("bob"), HERE, id)).isInstanceOf(ApproveResult.Executed.class);
        AccessGateway third = boot(ot);
        assertThat(third.approval(id)).map(Approval::state).contains(Approval.State.EXECUTED);
        assertThat(third.approve(f.account("dave"), HERE, id)).isInstanceOf(ApproveResult.Refused.class);
        assertThat(f.plcRequests).hasSize(1);
        assertThat(registers(0, 2)).containsExactly(166, 46);
    }

    @Test
    void anApprovedRecipeThePlcNeverSawExecutesOnceOnStart() throws Exception {
        CrashingOtPath path = new CrashingOtPath(ot, CrashingOtPath.Mode.NONE);
        AccessGateway first = boot(path);
        String id = requestApproval(first, recipe(SPEED, 167, PROCESS, 47));
        path.mode = CrashingOtPath.Mode.BEFORE_WIRE;
        assertThatThrownBy(() -> first.approve(f.account("bob"), HERE, id)).isInstanceOf(CrashingOtPath.PowerCut.class);
        assertThat(f.plcRequests).isEmpty();

        AccessGateway second = boot(ot);
        assertThat(f.plcRequests).hasSize(1);
        assertThat(second.approval(id)).map(Approval::state).contains(Approval.State.EXECUTED);
        boot(ot);
        assertThat(f.plcRequests).as("not again").hasSize(1);
        assertThat(registers(0, 2)).containsExactly(167, 47);
    }

    @Test
    void aCrashWhileARecipeIsSentIsAnUnknownOutcomeNeverRetried() throws Exception {
        CrashingOtPath path = new CrashingOtPath(ot, CrashingOtPath.Mode.NONE);
        AccessGateway first = boot(path);
        String id = requestApproval(first, recipe(SPEED, 168, RAMP, 8));
        path.mode = CrashingOtPath.Mode.AFTER_DEVICE;
        assertThatThrownBy(() -> first.approve(f.account("bob"), HERE, id)).isInstanceOf(CrashingOtPath.PowerCut.class);
        assertThat(f.plcRequests).hasSize(1);

        AccessGateway second = boot(ot);
        assertThat(f.plcRequests).as("not sent again").hasSize(1);
        assertThat(second.unknownOutcome()).extracting(Approval::id).containsExactly(id);
        assertThat(second.approval(id)).map(Approval::state).contains(Approval.State.UNKNOWN_OUTCOME);
        assertThat(events)
                .filteredOn(e -> e.type().equals("recipe.outcome-unknown"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("item.02", RAMP + " 8.0"));
        assertThat(registers(0, 5)).containsExactly(168, 0, 0, 0, 0);
    }

    @Test
    void malformedRecipesAreRefusedBeforeAnyDecision() throws Exception {
        AccessGateway gw = boot(ot);
        List<WriteItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tooMany.add(new WriteItem(TagPath.parse(CONVEYOR + "t" + i), 1));
        }
        record Case(String what, Recipe recipe, String message) {}
        List<Case> cases = List.of(
                new Case("no items", new Recipe("r", "", List.of()), "1..24 items, not 0"),
                new Case("too many", new Recipe("r", "", tooMany), "1..24 items, not 25"),
                new Case("duplicate tag", recipe(SPEED, 1, SPEED, 2), "appears twice"),
                new Case("empty name", new Recipe("", "", List.of(new WriteItem(SPEED, 1))), "name"),
                new Case("bad name", new Recipe("a b", "", List.of(new WriteItem(SPEED, 1))), "name"),
                new Case(
                        "control in description",
                        new Recipe("r", "x\ny", List.of(new WriteItem(SPEED, 1))),
                        "description"),
                new Case("unknown tag", recipe(TagPath.parse(CONVEYOR + "nothing"), 1), "knows no writable tag"),
                new Case("read-only", recipe(RUNNING, 1), "not a holding register"),
                new Case("coil", recipe(RUN, 1), "control action"),
                new Case("huge value", recipe(SPEED, 1e12), "outside the register's range"),
                new Case("negative unsigned", recipe(SPEED, -1), "outside the register's range"),
                new Case("int16 overflow after scaling", recipe(TEMP, 4000), "outside the register's range"));
        for (Case c : cases) {
            assertThatThrownBy(() -> gw.recipe(f.account("alice"), HERE, c.recipe()))
                    .as(c.what())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c.message());
        }
        assertThat(gw.pending()).isEmpty();
        assertThat(f.plcRequests).isEmpty();
    }

    /** The {@code recipe.*} records of one request, in log order (refused approvals are {@code approval} records). */
    private List<AuditEvent> chain(String id) {
        return events.stream()
                .filter(e -> e.eventId().equals(id) && e.type().startsWith("recipe."))
                .toList();
    }

    static List<Integer> registers(int address, int quantity) throws Exception {
        try (ModbusConnection c = ModbusConnection.open(check())) {
            var r = (ModbusResponse.ReadHoldingRegisters)
                    c.execute(new ModbusRequest.ReadHoldingRegisters(address, quantity));
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < quantity; i++) {
                out.add(r.registers().get(i));
            }
            return out;
        }
    }

    static void writeRegisters(int address, int... values) throws Exception {
        try (ModbusConnection c = ModbusConnection.open(check())) {
            c.execute(ModbusRequest.WriteMultipleRegisters.of(address, io.isthmus.wire.modbus.Registers.of(values)));
        }
    }

    private static SourceConfig check() {
        return SourceConfig.create(
                "check", new HostPort("127.0.0.10", f.conveyor.address().getPort()), b -> {});
    }
}
