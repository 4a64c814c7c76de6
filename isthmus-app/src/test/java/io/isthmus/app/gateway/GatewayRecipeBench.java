package io.isthmus.app.gateway;

import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.gateway.AccessGateway;
import io.isthmus.access.gateway.ApproveResult;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.gateway.ItemResult;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.access.gateway.RecipeResult;
import io.isthmus.access.gateway.WriteItem;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.config.TagConfigYaml;
import io.isthmus.model.TagPath;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 7 (gw11): a 10-item recipe (one approval, one FC 16 over registers 0..9) against the same
 * 10 setpoints as 10 single approved writes (10 approvals, 10 FC 6), each through {@link
 * AccessGateway} — access decision, approval by a second person, conduit check, a Modbus TCP
 * connection to the virtual factory's conveyor PLC on 127.0.0.10, the audit log on disk — in turn
 * (A B A B …). Prints wall and this thread's CPU time per change set and the PLC's request count.
 * Usage: bench/gateway-recipe.sh [--rounds 20] [--warmup 10]
 */
public final class GatewayRecipeBench {
    private GatewayRecipeBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = GatewayBench.option(args, "--rounds", 20);
        int warmup = GatewayBench.option(args, "--warmup", 10);
        GatewayLimits limits = new GatewayLimits(Duration.ofMinutes(15), 100, Duration.ofMinutes(5), 100, 100);
        try (GatewayFixture f = new GatewayFixture(limits)) {
            PolicyYaml.PolicyFile files = PolicyYaml.parseFile(
                    "bench-policy.yaml", GatewayRecipeTest.POLICY.getBytes(StandardCharsets.UTF_8));
            StringBuilder table = new StringBuilder("sources:\n  - id: conveyor\n    kind: modbus-tcp\n    endpoint: "
                    + f.conveyor.hostPort() + "\n    unit-id: 1\ntags:\n");
            List<TagPath> tags = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tags.add(TagPath.parse(GatewayFixture.CONVEYOR + "bench" + i));
                table.append("  - { path: ")
                        .append(tags.getLast())
                        .append(", source: conveyor, address: \"holding:")
                        .append(i)
                        .append(":uint16\" }\n");
            }
            InetAddress gatewayAddress = GatewayFixture.address("127.0.0.50");
            ModbusOtPath ot = new ModbusOtPath(
                    TagConfigYaml.parse("bench-devices.yaml", table.toString().getBytes(StandardCharsets.UTF_8)),
                    files.policy(),
                    gatewayAddress,
                    System.err::println);
            AuditLog audit = AuditLog.open(
                    Files.createTempDirectory(f.dir, "bench-audit"), AuditConfig.DEFAULT, Clock.systemUTC(), w -> {});
            AccessGateway gw = new AccessGateway(new AccessGateway.Parts(
                    f.auth,
                    files.policy(),
                    files.access(),
                    ot,
                    f.historian::latest,
                    audit,
                    e -> {},
                    Clock.systemUTC(),
                    gatewayAddress,
                    limits));
            InetAddress here = GatewayFixture.address("127.0.0.1");
            System.out.printf("# %s load average %s%n", java.time.Instant.now(), GatewayBench.loadAverage());
            for (int i = 0; i < warmup; i++) {
                recipe(gw, f, here, tags, i);
                singles(gw, f, here, tags, i);
            }
            long[][] recipe = new long[2][rounds];
            long[][] singles = new long[2][rounds];
            int plcBefore = f.plcRequests.size();
            for (int round = 0; round < rounds; round++) {
                int i = round;
                boolean recipeFirst = i % 2 == 0;
                if (recipeFirst) {
                    timed(recipe, i, () -> recipe(gw, f, here, tags, i));
                }
                timed(singles, i, () -> singles(gw, f, here, tags, i));
                if (!recipeFirst) {
                    timed(recipe, i, () -> recipe(gw, f, here, tags, i));
                }
            }
            List<String> measured = f.plcRequests.subList(plcBefore, f.plcRequests.size());
            System.out.printf(
                    "PLC requests in the measured rounds: %d FC 16 + %d FC 6 (expected %d + %d)%n",
                    measured.stream()
                            .filter(r -> r.contains("WriteMultipleRegisters"))
                            .count(),
                    measured.stream()
                            .filter(r -> r.contains("WriteSingleRegister"))
                            .count(),
                    rounds,
                    rounds * 10);
            report("10-item recipe, 1 approval, 1 FC 16", recipe);
            report("10 single writes, 10 approvals, 10 FC 6", singles);
            System.out.printf("# %s load average %s%n", java.time.Instant.now(), GatewayBench.loadAverage());
            audit.close();
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void timed(long[][] into, int round, Step s) throws Exception {
        var bean = ManagementFactory.getThreadMXBean();
        long cpu = bean.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        s.run();
        into[0][round] = System.nanoTime() - t;
        into[1][round] = bean.getCurrentThreadCpuTime() - cpu;
    }

    private static void recipe(AccessGateway gw, GatewayFixture f, InetAddress here, List<TagPath> tags, int round) {
        List<WriteItem> items = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            items.add(new WriteItem(tags.get(i), 100 + (round + i) % 50));
        }
        RecipeResult r = gw.recipe(f.account("alice"), here, new Recipe("bench-10", "", items));
        if (!(r instanceof RecipeResult.Pending p)) {
            throw new IllegalStateException("expected a pending recipe: " + r);
        }
        approve(gw, f, here, p.approval().id());
    }

    private static void singles(AccessGateway gw, GatewayFixture f, InetAddress here, List<TagPath> tags, int round) {
        for (int i = 0; i < tags.size(); i++) {
            List<ItemResult> r =
                    gw.write(f.account("alice"), here, List.of(new WriteItem(tags.get(i), 100 + (round + i) % 50)));
            if (!(r.getFirst() instanceof ItemResult.Pending p)) {
                throw new IllegalStateException("expected a pending write: " + r);
            }
            approve(gw, f, here, p.approval().id());
        }
    }

    private static void approve(AccessGateway gw, GatewayFixture f, InetAddress here, String id) {
        ApproveResult a = gw.approve(f.account("bob"), here, id);
        if (!(a instanceof ApproveResult.Executed)) {
            throw new IllegalStateException("expected an executed approval: " + a);
        }
    }

    private static void report(String what, long[][] v) {
        long[] wall = v[0].clone();
        long[] cpu = v[1].clone();
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        System.out.printf(
                "%s: wall ms median %.2f (min %.2f, max %.2f); request-thread CPU ms median %.2f (n %d)%n",
                what,
                wall[wall.length / 2] / 1e6,
                wall[0] / 1e6,
                wall[wall.length - 1] / 1e6,
                cpu[cpu.length / 2] / 1e6,
                wall.length);
    }
}
