package io.isthmus.policy.pdp;

import io.isthmus.policy.AccessDecision.Outcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Decisions per second of the three decision points on the same request tables as
 * {@link PdpAgreementTest}, cycling through every request: the zones-and-conduits policy (one
 * operation of the inline firewall) and the access rules (one item of a gateway request, a three-way
 * answer: jCasbin and Cedar ask a second time, with approval, when the first answer is no).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PdpBenchmark {
    @Param({"ours", "jcasbin", "cedar"})
    public String engine;

    private Pdp pdp;
    private int operations;
    private int queries;

    /** Each thread walks the tables on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int op;
        int query;
    }

    @Setup(Level.Trial)
    public void build() {
        var ops = RequestTable.operations();
        var qs = RequestTable.accessQueries();
        operations = ops.size();
        queries = qs.size();
        pdp = switch (engine) {
            case "ours" -> new OurPdp(ops, qs);
            case "jcasbin" -> new CasbinPdp(ops, qs);
            case "cedar" -> new CedarPdp(ops, qs);
            default -> throw new IllegalArgumentException("engine " + engine + ": ours, jcasbin or cedar");
        };
    }

    @Benchmark
    @Threads(1)
    public boolean zonesOneThread(Cursor c) {
        return zones(c);
    }

    @Benchmark
    @Threads(2)
    public boolean zonesTwoThreads(Cursor c) {
        return zones(c);
    }

    @Benchmark
    @Threads(1)
    public Outcome accessOneThread(Cursor c) {
        return access(c);
    }

    @Benchmark
    @Threads(2)
    public Outcome accessTwoThreads(Cursor c) {
        return access(c);
    }

    private boolean zones(Cursor c) {
        c.op = c.op + 1 == operations ? 0 : c.op + 1;
        return pdp.zoneAllows(c.op);
    }

    private Outcome access(Cursor c) {
        c.query = c.query + 1 == queries ? 0 : c.query + 1;
        return pdp.access(c.query);
    }
}
