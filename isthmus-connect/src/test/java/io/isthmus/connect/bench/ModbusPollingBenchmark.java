package io.isthmus.connect.bench;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.RequestBudget;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.modbus.ModbusSource;
import io.isthmus.connect.modbus.PollListener;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.ModbusTcpServer;
import io.isthmus.sim.plc.RegisterImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

/**
 * Polling throughput: {@code plcs} simulated PLCs (the simulator's Modbus/TCP server on loopback,
 * {@code registers} input registers each, one uint16 tag per register), polled as fast as each
 * device's budget allows for {@code seconds}, first by Isthmus's driver, then by j2mod (one
 * ModbusTCPMaster per PLC on its own thread, the same 125-register block reads, values turned into
 * the same Samples). Ours runs twice: with one request in flight per connection, as j2mod, and
 * pipelined with {@code inFlight} (default 2: both reads of a cycle go out together). Prints tag
 * values/s, p50/p99 latency of one read (of one window when pipelined) and the ratios.
 *
 * <p>Not a test: run it with {@code bench/modbus-polling [seconds] [plcs] [registers] [inFlight]}.
 */
public final class ModbusPollingBenchmark {
    /** Warm-up rounds of every configuration before any is measured ({@code -Dbench.warmupRounds}). */
    private static final int WARM_ROUNDS = Integer.getInteger("bench.warmupRounds", 3);

    /**
     * With {@code -Dbench.announce=true}, a line "measuring" on standard output when the measured
     * window of each run starts and "measured" when it ends, so a script can attach a profiler (perf
     * stat) to exactly that window: bench/modbus-polling-syscalls.
     */
    /**
     * How long a measured run polls before its window opens ({@code -Dbench.settleMillis}, default
     * 3000). Closing the previous run's sources ends their pollers with exceptions (the socket closed
     * under a blocked read), which deoptimises the driver's compiled read path; without this the
     * recompilation fell into the measured window of the driver but not of the reference, whose loop
     * ends without an exception (JFR, 2026-11-26 fifth session: ModbusConnection.executeAll
     * "unreached" traps at every close, ModbusSource.poll compiled three times).
     */
    private static final long SETTLE_MILLIS = Long.getLong("bench.settleMillis", 3000);

    private static final boolean ANNOUNCE = Boolean.getBoolean("bench.announce");

    /** The driver's poll period in this benchmark: 1 ms, the smallest a source accepts. */
    private static final Duration PERIOD = Duration.ofMillis(1);

    /**
     * With {@code -Dbench.pacedReference=true} the reference's loop waits out a cycle that took less
     * than {@link #PERIOD}, as the driver's poller does (and, like it, does not catch up after a
     * cycle that overran), so both follow the same schedule. Off by default: the published figures
     * compare against j2mod polling back to back.
     */
    private static final boolean PACED_REFERENCE = Boolean.getBoolean("bench.pacedReference");

    private static void announce(String what) {
        if (ANNOUNCE) {
            System.out.println(what);
            System.out.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--serve")) {
            serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int plcs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int registers = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        boolean inProcess = Boolean.getBoolean("bench.serversInProcess");
        List<ModbusTcpServer> local = new ArrayList<>();
        Process child = null;
        try {
            List<Integer> ports;
            if (inProcess) {
                local = startServers(plcs, registers);
                ports = local.stream().map(ModbusTcpServer::port).toList();
            } else {
                child = serverProcess(plcs, registers);
                ports = readPorts(child);
            }
            System.out.printf(
                    "%d PLCs x %d input registers (%d tags each) on 127.0.0.1, %d s per client, %d cores%n",
                    plcs, registers, registers, seconds, Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "servers: %s; poller threads (both clients): %s; isthmus pipelined run: %d requests in flight per connection;"
                            + " j2mod %s%n",
                    inProcess ? "in this JVM" : "a separate JVM",
                    Boolean.getBoolean("isthmus.modbus.platformThreads") ? "platform" : "virtual",
                    inFlight,
                    PACED_REFERENCE ? "paced to the driver's 1 ms poll period" : "back to back");
            String only = System.getProperty("bench.only", "");
            if (!only.isEmpty()) {
                profileOne(only, ports, registers, seconds, inFlight);
                return;
            }
            // Every configuration once before any is measured: on a loaded 2-core machine the JIT is
            // still compiling after a few seconds, and whichever client ran first paid for it (measured:
            // the same configuration ran 1.6x faster the second time).
            // On a loaded machine one round was not enough either: a profile (perf) of the measured
            // runs still showed the C1/C2 compiler threads at 30 % of the client's CPU, so every
            // configuration is warmed up WARM_ROUNDS times and the JIT time of each run is printed.
            int warm = Math.min(3, seconds);
            for (int round = 1; round <= WARM_ROUNDS; round++) {
                System.out.printf(
                        "warm-up %d/%d (%d s each): isthmus 1 in flight %,.0f, %d in flight %,.0f, j2mod %,.0f tag values/s%n",
                        round,
                        WARM_ROUNDS,
                        warm,
                        isthmus(ports, registers, warm, 1, 0).valuesPerSecond,
                        inFlight,
                        isthmus(ports, registers, warm, inFlight, 0).valuesPerSecond,
                        j2mod(ports, registers, warm, 0).valuesPerSecond);
            }
            Result single = isthmus(ports, registers, seconds, 1, SETTLE_MILLIS);
            print("isthmus, 1 in flight ", single);
            Result ours = isthmus(ports, registers, seconds, inFlight, SETTLE_MILLIS);
            print("isthmus, " + inFlight + " in flight ", ours);
            Result ref = j2mod(ports, registers, seconds, SETTLE_MILLIS);
            print("j2mod, 1 in flight   ", ref);
            System.out.printf(
                    "ratio isthmus/j2mod: %.2f x tag values/s with 1 in flight, %.2f x with %d in flight;"
                            + " client CPU per value %.2f x and %.2f x of j2mod's%n",
                    single.valuesPerSecond / ref.valuesPerSecond,
                    ours.valuesPerSecond / ref.valuesPerSecond,
                    inFlight,
                    single.cpuPerValueNanos / ref.cpuPerValueNanos,
                    ours.cpuPerValueNanos / ref.cpuPerValueNanos);
        } finally {
            local.forEach(ModbusTcpServer::close);
            if (child != null) {
                child.getOutputStream().close(); // end of its stdin: it closes its servers and exits
                if (!child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /**
     * One client configuration alone ({@code -Dbench.only=isthmus1|isthmusN|j2mod}), warmed up and
     * then measured, so a profiler attached to the JVM (JFR) sees that client and nothing else.
     */
    private static void profileOne(String only, List<Integer> ports, int registers, int seconds, int inFlight)
            throws Exception {
        int warm = Math.min(3, seconds) * WARM_ROUNDS;
        Result r = switch (only) {
            case "isthmus1" -> {
                isthmus(ports, registers, warm, 1, 0);
                yield isthmus(ports, registers, seconds, 1, SETTLE_MILLIS);
            }
            case "isthmusN" -> {
                isthmus(ports, registers, warm, inFlight, 0);
                yield isthmus(ports, registers, seconds, inFlight, SETTLE_MILLIS);
            }
            case "j2mod" -> {
                j2mod(ports, registers, warm, 0);
                yield j2mod(ports, registers, seconds, SETTLE_MILLIS);
            }
            default ->
                throw new IllegalArgumentException("bench.only must be isthmus1, isthmusN or j2mod, not " + only);
        };
        print(only, r);
    }

    private static List<ModbusTcpServer> startServers(int plcs, int registers) throws Exception {
        List<ModbusTcpServer> servers = new ArrayList<>();
        for (int i = 0; i < plcs; i++) {
            var image = new RegisterImage(0, 0, 0, registers);
            for (int r = 0; r < registers; r++) {
                image.setInputRegister(r, (short) (i * 1000 + r));
            }
            var server = new ModbusTcpServer(ModbusServerConfig.create(b -> b.port(0)), image);
            server.start();
            servers.add(server);
        }
        return servers;
    }

    /**
     * The servers in their own JVM, as PLCs are their own machines: in one JVM the simulator's
     * virtual threads would share the carrier threads with a virtual-thread client and not with a
     * platform-thread one, which skews the comparison.
     */
    private static Process serverProcess(int plcs, int registers) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ModbusPollingBenchmark.class.getName(),
                        "--serve",
                        String.valueOf(plcs),
                        String.valueOf(registers))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static List<Integer> readPorts(Process child) throws Exception {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        String line = in.readLine();
        if (line == null || !line.startsWith("ports ")) {
            throw new IllegalStateException("the server process did not report its ports: " + line);
        }
        return Arrays.stream(line.substring(6).split(",")).map(Integer::valueOf).toList();
    }

    /** The child: starts the servers, prints their ports, serves until its stdin ends. */
    private static void serve(int plcs, int registers) throws Exception {
        List<ModbusTcpServer> servers = startServers(plcs, registers);
        try {
            System.out.println("ports "
                    + String.join(
                            ",",
                            servers.stream().map(s -> String.valueOf(s.port())).toList()));
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to finish
            }
        } finally {
            servers.forEach(ModbusTcpServer::close);
        }
    }

    /** {@code cpuPerValueNanos}: this JVM's CPU time (the client's; the servers run elsewhere) per value. */
    record Result(
            double valuesPerSecond,
            double requestsPerSecond,
            double p50Micros,
            double p99Micros,
            double cpuPerValueNanos,
            long jitMillis) {}

    /** Time the JIT compilers spent so far: in the client's CPU time, but not a cost of polling. */
    private static long jitMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The reference's threads are of the same kind as ours, so both get the same share of the cores. */
    private static Thread.Builder referenceThreads() {
        return Boolean.getBoolean("isthmus.modbus.platformThreads")
                ? Thread.ofPlatform().daemon()
                : Thread.ofVirtual();
    }

    private static void print(String name, Result r) {
        System.out.printf(
                "%s: %,.0f tag values/s, %,.0f reads/s, read latency p50 %.0f us, p99 %.0f us, client CPU %.0f ns/value"
                        + " (JIT %d ms during the run)%n",
                name,
                r.valuesPerSecond,
                r.requestsPerSecond,
                r.p50Micros,
                r.p99Micros,
                r.cpuPerValueNanos,
                r.jitMillis);
    }

    /**
     * Where both clients put their samples, one per poller: the last 256 kept, as a queue to the
     * journal would keep them. Until 2026-11-26 (fourth session) the samples were only checked and
     * dropped, and the JIT's escape analysis then removed the reference's Sample and Value
     * allocations altogether (JFR: Sample was 3.8 % of the reference's allocation, 22 % went to
     * j2mod's register objects), while a driver's samples always reach a real sink.
     */
    static final class Consumer {
        private final Sample[] ring = new Sample[256];
        private int n;

        void accept(Sample s) {
            if (s.quality() == null) {
                throw new IllegalStateException();
            }
            ring[n++ & 255] = s;
        }
    }

    /** Latencies of reads, one recorder per poller thread, merged at the end. */
    static final class Latencies {
        private long[] nanos = new long[1 << 16];
        private int n;

        void add(long v) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = v;
        }

        static double[] percentiles(List<Latencies> all, double... ps) {
            long[] merged = all.stream()
                    .flatMapToLong(l -> Arrays.stream(l.nanos, 0, l.n))
                    .sorted()
                    .toArray();
            double[] out = new double[ps.length];
            for (int i = 0; i < ps.length; i++) {
                out[i] = merged.length == 0
                        ? Double.NaN
                        : merged[(int) Math.min(merged.length - 1, Math.ceil(ps[i] * merged.length) - 1)] / 1000.0;
            }
            return out;
        }
    }

    private static Result isthmus(List<Integer> servers, int registers, int seconds, int inFlight, long settleMillis)
            throws Exception {
        List<ModbusSource> sources = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            String id = "plc" + i;
            var config = SourceConfig.create(id, new HostPort("127.0.0.1", servers.get(i)), b -> {
                b.pollRate = PERIOD; // as good as back to back: the budget, not the period, limits
                b.budget = new RequestBudget(100_000, 1000, inFlight);
                b.staleAfterPeriods = 1000;
            });
            List<TagConfig> tags = new ArrayList<>();
            for (int r = 0; r < registers; r++) {
                tags.add(TagConfig.of(
                        new TagPath("acme", "bench", "area", "line", "cell", id, "r" + r),
                        id,
                        ModbusAddress.parse("input:" + r + ":uint16")));
            }
            var lat = new Latencies();
            latencies.add(lat);
            PollListener listener = (block, nanos, values) -> lat.add(nanos);
            // The same consumer as the reference's loop, one per poller: a shared counter here would
            // cost a contended atomic per value and measure the benchmark.
            var consumer = new Consumer();
            SampleSink sink = consumer::accept;
            sources.add(new ModbusSource(config, tags, sink, state -> {}, listener, Clock.systemUTC(), new Random(i)));
        }
        long requests0 = 0;
        sources.forEach(ModbusSource::start);
        Thread.sleep(500 + settleMillis); // connect, settle
        long v0 = sources.stream().mapToLong(s -> s.stats().tagValues()).sum();
        requests0 = sources.stream().mapToLong(s -> s.stats().requests()).sum();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        long j0 = jitMillis();
        announce("measuring");
        Thread.sleep(Duration.ofSeconds(seconds));
        announce("measured");
        long v1 = sources.stream().mapToLong(s -> s.stats().tagValues()).sum();
        long requests1 = sources.stream().mapToLong(s -> s.stats().requests()).sum();
        long c1 = cpuNanos();
        long j1 = jitMillis();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        sources.forEach(ModbusSource::close);
        double[] p = Latencies.percentiles(latencies, 0.50, 0.99);
        return new Result(
                (v1 - v0) / elapsed,
                (requests1 - requests0) / elapsed,
                p[0],
                p[1],
                (double) (c1 - c0) / (v1 - v0),
                j1 - j0);
    }

    private static Result j2mod(List<Integer> servers, int registers, int seconds, long settleMillis) throws Exception {
        LongAdder values = new LongAdder();
        LongAdder reads = new LongAdder();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos() + (500 + settleMillis) * 1_000_000L;
        long[] window = new long[2];
        for (int i = 0; i < servers.size(); i++) {
            var master = new ModbusTCPMaster("127.0.0.1", servers.get(i), 2000, false);
            master.connect();
            var lat = new Latencies();
            latencies.add(lat);
            String id = "plc" + i;
            var consumer = new Consumer();
            TagPath[] paths = new TagPath[registers];
            for (int r = 0; r < registers; r++) {
                paths[r] = new TagPath("acme", "bench", "area", "line", "cell", id, "r" + r);
            }
            threads.add(referenceThreads().start(() -> {
                try {
                    long nextDue = System.nanoTime();
                    while (System.nanoTime() < end) {
                        if (PACED_REFERENCE) {
                            long wait = nextDue - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(Duration.ofNanos(wait));
                            }
                        }
                        for (int start = 0; start < registers; start += 125) {
                            int count = Math.min(125, registers - start);
                            long t0 = System.nanoTime();
                            InputRegister[] regs = master.readInputRegisters(1, start, count);
                            lat.add(System.nanoTime() - t0);
                            Instant now = Instant.now();
                            for (int r = 0; r < regs.length; r++) {
                                consumer.accept(
                                        Sample.good(paths[start + r], now, Value.of((long) regs[r].toUnsignedShort())));
                            }
                            values.add(regs.length);
                            reads.increment();
                        }
                        long now = System.nanoTime();
                        nextDue += PERIOD.toNanos();
                        if (nextDue - now < 0) {
                            nextDue = now; // as PollGroup.advance: an overrun is not caught up with a burst
                        }
                    }
                } catch (Exception e) {
                    System.err.println("j2mod poller " + id + " failed: " + e);
                } finally {
                    master.disconnect();
                }
            }));
        }
        Thread.sleep(500 + settleMillis);
        long v0 = values.sum();
        long r0 = reads.sum();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        long j0 = jitMillis();
        announce("measuring");
        Thread.sleep(Duration.ofSeconds(seconds).minusMillis(100));
        announce("measured");
        long v1 = values.sum();
        long r1 = reads.sum();
        long c1 = cpuNanos();
        long j1 = jitMillis();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        for (Thread t : threads) {
            t.join(10_000);
        }
        double[] p = Latencies.percentiles(latencies, 0.50, 0.99);
        window[0] = v1;
        return new Result(
                (v1 - v0) / elapsed, (r1 - r0) / elapsed, p[0], p[1], (double) (c1 - c0) / (v1 - v0), j1 - j0);
    }
}
