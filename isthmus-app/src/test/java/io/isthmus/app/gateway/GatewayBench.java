package io.isthmus.app.gateway;

import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.identity.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Authorized reads through the access gateway (issue 7): the real {@link GatewayServer} over TLS 1.3
 * on loopback, a DuckDB historian holding the tags, a service account signed in once with a token,
 * and the JDK's keep-alive HTTP client. Measures the latency of one read through the gateway against
 * the same read over plain HTTP (no TLS, no authentication, no decision, no audit record; same
 * historian, same client) in several runs; within a run the two reads alternate, so both see the
 * same machine (load, GC, JIT) and the difference of their percentiles is what the gateway adds.
 * Then reads/s at 1 and N client threads.
 *
 * <p>The gateway's audit events go to a counter, as the hub's bounded event log takes them; the
 * test fixture's list would grow and copy itself with every read (and its garbage would be measured).
 *
 * <p>Run with {@code bench/gateway.sh [--seconds 20] [--runs 3] [--threads 8] [--signing background|inline]}
 * ({@code inline}: the audit append that makes a checkpoint due signs it, as before 2026-11-26).
 */
public final class GatewayBench {
    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = option(args, "--seconds", 20);
        int runs = option(args, "--runs", 3);
        int threads = option(args, "--threads", 8);
        io.isthmus.access.audit.AuditConfig.Signing signing = io.isthmus.access.audit.AuditConfig.Signing.valueOf(
                text(args, "--signing", "BACKGROUND").toUpperCase(java.util.Locale.ROOT));
        LongAdder audited = new LongAdder();
        try (GatewayFixture f = new GatewayFixture(
                GatewayLimits.DEFAULT,
                e -> audited.increment(),
                io.isthmus.access.audit.AuditConfig.DEFAULT.withSigning(signing))) {
            System.out.printf("audit checkpoints signed: %s%n", signing);
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(f.clientTls)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            String session = signIn(f, client);
            HttpRequest read = HttpRequest.newBuilder(URI.create(f.url("/gw/tags/" + GatewayFixture.SPEED)))
                    .header("Authorization", "Bearer " + session)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            io.javalin.Javalin plain = io.javalin.Javalin.create()
                    .get(
                            "/direct",
                            ctx -> ctx.json(io.isthmus.app.console.SampleJson.of(
                                    f.historian.latest(GatewayFixture.SPEED).orElseThrow())))
                    .start("127.0.0.1", 0);
            HttpClient plainClient =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest plainRead = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.port() + "/direct"))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            System.out.printf("# %s load average %s%n", java.time.Instant.now(), loadAverage());
            throughput(client, read, 1, 5); // warm-up: on a loaded machine the first run was still warming
            throughput(plainClient, plainRead, 1, 5);
            alternating(client, read, plainClient, plainRead, 10);
            long[] direct = directLatencies(f, 200_000);
            direct = directLatencies(f, 20_000);
            System.out.printf(
                    "direct historian read (in process), µs: p50 / p99 / p99.9 (n) %s%n", percentiles(direct));
            System.out.printf(
                    "read latency, 1 thread, gateway and plain HTTP alternating, %d s per run; µs: p50 / p99 / p99.9 (n)%n",
                    seconds);
            double[] addedP99 = new double[runs];
            for (int run = 0; run < runs; run++) {
                long gcBefore = gcCount();
                long[][] both = alternating(client, read, plainClient, plainRead, seconds);
                long[] gateway = both[0];
                long[] http = both[1];
                String g = percentiles(gateway);
                String h = percentiles(http);
                addedP99[run] = (pct(gateway, 0.99) - pct(http, 0.99)) / 1e3;
                System.out.printf(
                        "run %d  plain HTTP %s | gateway %s | added p50 %.1f  p99 %.1f  p99.9 %.1f | GCs %d | load %s%n",
                        run + 1,
                        h,
                        g,
                        (pct(gateway, 0.50) - pct(http, 0.50)) / 1e3,
                        addedP99[run],
                        (pct(gateway, 0.999) - pct(http, 0.999)) / 1e3,
                        gcCount() - gcBefore,
                        loadAverage());
            }
            double[] sorted = addedP99.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "added p99 per run, µs: %s (median %.1f)%n", Arrays.toString(addedP99), sorted[sorted.length / 2]);
            System.out.printf(
                    "reads/s, plain HTTP, 1 client thread: %.0f%n", throughput(plainClient, plainRead, 1, seconds));
            plain.stop();
            for (int t : new int[] {1, threads}) {
                double rate = throughput(client, read, t, seconds);
                System.out.printf("reads/s through the gateway, %d client thread(s): %.0f%n", t, rate);
            }
            System.out.printf("audit records written: %d%n", audited.sum());
            System.out.printf("# %s load average %s%n", java.time.Instant.now(), loadAverage());
        }
    }

    /** Gateway and plain reads in turn (the order swapped every pair), each timed. */
    private static long[][] alternating(
            HttpClient gwClient, HttpRequest gw, HttpClient plainClient, HttpRequest plain, int seconds)
            throws Exception {
        List<Long> g = new ArrayList<>();
        List<Long> p = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        boolean gatewayFirst = true;
        while (System.nanoTime() < end) {
            if (gatewayFirst) {
                g.add(timed(gwClient, gw));
                p.add(timed(plainClient, plain));
            } else {
                p.add(timed(plainClient, plain));
                g.add(timed(gwClient, gw));
            }
            gatewayFirst = !gatewayFirst;
        }
        return new long[][] {
            g.stream().mapToLong(Long::longValue).toArray(),
            p.stream().mapToLong(Long::longValue).toArray()
        };
    }

    private static long timed(HttpClient client, HttpRequest read) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = client.send(read, HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        check(r);
        return t1 - t0;
    }

    private static long gcCount() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** Token once (as a service does), then the session's bearer for every read. */
    private static String signIn(GatewayFixture f, HttpClient client) throws Exception {
        String token = Tokens.issue(
                f.tokenKeys.getPrivate(),
                "isthmus-gateway",
                "mes",
                "isthmus-gateway",
                f.clock.instant(),
                Duration.ofMinutes(10),
                new SecureRandom());
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(f.url("/gw/login")))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        String body = r.body();
        int at = body.indexOf("\"token\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }

    private static long[] directLatencies(GatewayFixture f, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            if (f.historian.latest(GatewayFixture.SPEED).isEmpty()) {
                throw new IllegalStateException("the historian lost the tag");
            }
            out[i] = System.nanoTime() - t0;
        }
        return out;
    }

    private static double throughput(HttpClient client, HttpRequest read, int threads, int seconds)
            throws InterruptedException {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        check(client.send(read, HttpResponse.BodyHandlers.ofByteArray()));
                        done.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.sum() / (double) seconds;
    }

    private static void check(HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("read answered " + r.statusCode() + ": " + new String(r.body()));
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String percentiles(long[] v) {
        Arrays.sort(v);
        return String.format(
                "%.1f / %.1f / %.1f (%d)", pct(v, 0.50) / 1e3, pct(v, 0.99) / 1e3, pct(v, 0.999) / 1e3, v.length);
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static String text(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
