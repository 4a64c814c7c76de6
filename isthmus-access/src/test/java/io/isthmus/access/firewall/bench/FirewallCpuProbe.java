package io.isthmus.access.firewall.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a request's CPU goes: the benchmark's set-up (simulated PLC, firewall, client connections)
 * driven by plain client threads, with the CPU time of every thread of the JVM read before and after
 * a measured window and summed per part — firewall threads (named {@code firewall-*}), client
 * threads, and the rest (the simulated PLC's virtual-thread carriers and poller, JIT, GC). CPU time
 * per request does not depend on how many other processes share the cores, unlike requests/s, so
 * it shows a change even on a loaded machine.
 *
 * <p>Usage: {@code FirewallCpuProbe [direct|firewall] [connections] [warm-up s] [measured s]
 * [rounds]}; run by {@code bench/firewall.sh cpu}.
 */
public final class FirewallCpuProbe {
    private FirewallCpuProbe() {}

    public static void main(String[] args) throws Exception {
        String path = args.length > 0 ? args[0] : "firewall";
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        FirewallBenchmark b = new FirewallBenchmark();
        b.path = path;
        b.start();
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            FirewallBenchmark.Connection c = new FirewallBenchmark.Connection();
            c.open(b);
            clients.add(Thread.ofPlatform().name("probe-client-" + i).start(() -> drive(b, c, done, stop)));
        }
        Thread.sleep(warmup * 1000L);
        for (int r = 1; r <= rounds; r++) {
            round(path, connections, measured, r, done);
        }
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        b.stop();
    }

    private static void drive(FirewallBenchmark b, FirewallBenchmark.Connection c, LongAdder done, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                b.readTenRegisters(c);
                done.increment();
            }
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void round(String path, int connections, int seconds, int round, LongAdder done) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> before = cpu(mx, names);
        long[] sysBefore = systemJiffies();
        long n0 = done.sum();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long n1 = done.sum();
        long t1 = System.nanoTime();
        Map<Long, Long> after = cpu(mx, names);
        long[] sysAfter = systemJiffies();
        long requests = n1 - n0;
        Map<String, Long> parts = new HashMap<>();
        for (var e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            parts.merge(part(names.get(e.getKey())), delta, Long::sum);
        }
        long total = parts.values().stream().mapToLong(Long::longValue).sum();
        double busy = (sysAfter[0] - sysBefore[0]) / (double) Math.max(1, sysAfter[1] - sysBefore[1]);
        System.out.printf(
                "%s round %d: %d connections, %.0f requests/s; CPU us/request: firewall %.1f, client %.1f,"
                        + " plc+other %.1f, jvm total %.1f (firewall share %.0f %%); machine busy %.0f %%, load %s%n",
                path,
                round,
                connections,
                requests * 1e9 / (t1 - t0),
                per(parts.get("firewall"), requests),
                per(parts.get("client"), requests),
                per(parts.get("other"), requests),
                per(total, requests),
                100.0 * parts.getOrDefault("firewall", 0L) / Math.max(1, total),
                100 * busy,
                Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
    }

    private static String part(String name) {
        if (name == null) {
            return "other";
        }
        if (name.startsWith("firewall-")) {
            return "firewall";
        }
        return name.startsWith("probe-client-") ? "client" : "other";
    }

    private static double per(Long nanos, long requests) {
        return nanos == null ? 0 : nanos / 1000.0 / Math.max(1, requests);
    }

    private static Map<Long, Long> cpu(ThreadMXBean mx, Map<Long, String> names) {
        Map<Long, Long> m = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long c = mx.getThreadCpuTime(t.getThreadId());
            if (c >= 0) {
                m.put(t.getThreadId(), c);
                names.put(t.getThreadId(), t.getThreadName());
            }
        }
        return m;
    }

    /** Busy and total jiffies of the whole machine, from /proc/stat. */
    private static long[] systemJiffies() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }
}
