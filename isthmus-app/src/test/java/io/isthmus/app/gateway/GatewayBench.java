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
 * and the JDK's keep-alive HTTP client. Measures reads/s at 1 and 8 client threads and the latency
 * of one read through the gateway against a direct historian read of the same tag in the same
 * process; the difference is what the gateway adds (TLS, HTTP, authentication, decision, audit
 * record, JSON).
 *
 * <p>Run with {@code bench/gateway.sh [--seconds 10] [--threads 8]}.
 */
public final class GatewayBench {
    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = option(args, "--seconds", 10);
        int threads = option(args, "--threads", 8);
        try (GatewayFixture f = new GatewayFixture(GatewayLimits.DEFAULT)) {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(f.clientTls)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            String session = signIn(f, client);
            HttpRequest read = HttpRequest.newBuilder(URI.create(f.url("/gw/tags/" + GatewayFixture.SPEED)))
                    .header("Authorization", "Bearer " + session)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            // the same read without the gateway: plain HTTP on loopback, no TLS, no authentication,
            // no decision, no audit record, same historian, same client
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
            throughput(client, read, 1, 2); // warm-up
            throughput(plainClient, plainRead, 1, 2);
            long[] direct = directLatencies(f, 200_000);
            long[] gateway = gatewayLatencies(client, read, seconds);
            long[] http = gatewayLatencies(plainClient, plainRead, seconds);
            direct = directLatencies(f, gateway.length);
            System.out.printf("read latency, 1 thread, µs: p50 / p99 / p99.9 (n)%n");
            System.out.printf("  direct historian read  %s%n", percentiles(direct));
            System.out.printf("  plain HTTP read        %s%n", percentiles(http));
            System.out.printf("  through the gateway    %s%n", percentiles(gateway));
            System.out.printf(
                    "  added by the gateway over the in-process read  p50 %.1f  p99 %.1f  p99.9 %.1f%n",
                    (pct(gateway, 0.50) - pct(direct, 0.50)) / 1e3,
                    (pct(gateway, 0.99) - pct(direct, 0.99)) / 1e3,
                    (pct(gateway, 0.999) - pct(direct, 0.999)) / 1e3);
            System.out.printf(
                    "  added by the gateway over a plain HTTP read    p50 %.1f  p99 %.1f  p99.9 %.1f%n",
                    (pct(gateway, 0.50) - pct(http, 0.50)) / 1e3,
                    (pct(gateway, 0.99) - pct(http, 0.99)) / 1e3,
                    (pct(gateway, 0.999) - pct(http, 0.999)) / 1e3);
            System.out.printf(
                    "reads/s, plain HTTP, 1 client thread: %.0f%n", throughput(plainClient, plainRead, 1, seconds));
            plain.stop();
            for (int t : new int[] {1, threads}) {
                double rate = throughput(client, read, t, seconds);
                System.out.printf("reads/s through the gateway, %d client thread(s): %.0f%n", t, rate);
            }
            System.out.printf("# %s load average %s%n", java.time.Instant.now(), loadAverage());
        }
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

    private static long[] gatewayLatencies(HttpClient client, HttpRequest read, int seconds) throws Exception {
        List<Long> out = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = client.send(read, HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            check(r);
            out.add(t1 - t0);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
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

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
