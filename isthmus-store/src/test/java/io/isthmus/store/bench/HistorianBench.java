package io.isthmus.store.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Historian benchmark (issue 4): ingest of {@code tags x seconds} one-second samples, then "one day
 * of 1-second data for 100 tags, averaged per minute" and one tag's raw day, for every candidate in
 * the same run. Wall time and process CPU time (native engine threads included) are both printed:
 * on a shared machine the CPU time is the steadier figure. Run with {@code bench/historian.sh
 * [--tags N] [--seconds N] [--batch N] [--runs N] [--only duckdb,questdb,sqlite,isthmus,blocks,blob] [--dir
 * DIR] [--keep]}.
 */
public final class HistorianBench {

    private HistorianBench() {}

    record Options(int tags, int seconds, int batch, int runs, List<String> only, Path dir, boolean keep) {}

    /** Median wall and CPU milliseconds of repeated runs, and what the last run returned. */
    record Timing(double wallMs, double cpuMs, long rows, double checksum) {
        static final Timing NONE = new Timing(Double.NaN, Double.NaN, -1, Double.NaN);
    }

    record Figures(
            String name,
            double openMs,
            Timing ingest,
            long samples,
            long diskBytes,
            double reopenMs,
            Timing averageFirst,
            Timing average,
            Timing timeWeighted,
            Timing raw,
            long jarBytes,
            String load) {}

    interface Factory {
        Candidate open(Path dir) throws Exception;
    }

    interface Run {
        long run(double[] checksum) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        BenchData data = new BenchData(o.tags, o.seconds, o.batch, Instant.parse("2026-01-01T00:00:00Z"));
        System.out.printf(
                Locale.ROOT,
                "workload: %d tags x %d s = %,d samples, batches of %,d, %d query runs; java %s, %d cpus%n",
                o.tags,
                o.seconds,
                data.samples(),
                o.batch,
                o.runs,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        List<BenchData.Batch> batches = materialize(data);
        List<Figures> all = new ArrayList<>();
        for (Map.Entry<String, Factory> c : candidates(o.tags).entrySet()) {
            if (!o.only.isEmpty() && !o.only.contains(c.getKey())) {
                continue;
            }
            Path dir = o.dir.resolve(c.getKey());
            boolean reuse = o.keep && Files.isDirectory(dir);
            if (!reuse) {
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            try {
                Figures f = measure(c.getValue(), dir, data, reuse ? List.of() : batches, o.runs);
                all.add(f);
                print(List.of(f));
            } finally {
                if (!o.keep) {
                    deleteTree(dir);
                }
            }
        }
        System.out.println();
        print(all);
    }

    static Map<String, Factory> candidates(int tags) {
        Map<String, Factory> m = new LinkedHashMap<>();
        m.put("duckdb", DuckDbCandidate::new);
        m.put("questdb", dir -> new QuestDbCandidate(dir, Runtime.getRuntime().availableProcessors()));
        m.put("sqlite", SqliteCandidate::new);
        m.put("isthmus", dir -> new IsthmusCandidate(dir, tags, false));
        m.put("blocks", dir -> new IsthmusCandidate(dir, tags, true));
        m.put("blob", BlobCandidate::new);
        return m;
    }

    static Figures measure(Factory factory, Path dir, BenchData data, List<BenchData.Batch> batches, int runs)
            throws Exception {
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        Candidate c = factory.open(dir);
        double openMs = ms(System.nanoTime() - t0);
        String name = c.name();
        long jar = jarSize(c);
        Candidate writer = c;
        Timing ingest = time(1, sum -> {
            for (BenchData.Batch b : batches) {
                writer.ingest(b);
            }
            writer.finishIngest();
            return batches.size();
        });
        c.close();
        long disk = treeSize(dir);
        long t2 = System.nanoTime();
        c = factory.open(dir);
        double reopenMs = ms(System.nanoTime() - t2);
        try (Candidate q = c) {
            long from = data.startMicros();
            long to = data.endMicros();
            Timing first = time(1, sum -> q.averagePerMinute(from, to, sum));
            Timing average = time(runs, sum -> q.averagePerMinute(from, to, sum));
            Timing twa = q.timeWeightedPerMinute(from, to, new double[1]) < 0
                    ? Timing.NONE
                    : time(runs, sum -> q.timeWeightedPerMinute(from, to, sum));
            int[] tag = {0};
            Timing raw = time(runs, sum -> q.rawRange(tag[0]++ % data.tags(), from, to));
            return new Figures(
                    name,
                    openMs,
                    ingest,
                    data.samples(),
                    disk,
                    reopenMs,
                    first,
                    average,
                    twa,
                    raw,
                    jar,
                    loadBefore + " -> " + loadAverage());
        }
    }

    static Timing time(int runs, Run run) throws Exception {
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] checksum = new double[1];
        long rows = 0;
        for (int i = 0; i < runs; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            rows = run.run(checksum);
            wall[i] = ms(System.nanoTime() - t0);
            cpu[i] = ms(processCpuNanos() - c0);
        }
        return new Timing(median(wall), median(cpu), rows, checksum[0]);
    }

    static List<BenchData.Batch> materialize(BenchData data) throws Exception {
        List<BenchData.Batch> out = new ArrayList<>();
        data.forEachBatch(b -> {
            BenchData.Batch copy = new BenchData.Batch(b.size);
            System.arraycopy(b.tag, 0, copy.tag, 0, b.size);
            System.arraycopy(b.tsMicros, 0, copy.tsMicros, 0, b.size);
            System.arraycopy(b.value, 0, copy.value, 0, b.size);
            copy.size = b.size;
            out.add(copy);
        });
        return out;
    }

    static void print(List<Figures> all) {
        String head = "%-24s %8s %11s %9s %11s %7s %8s | %9s %9s %9s | %9s %9s | %9s %9s | %6s%n";
        System.out.printf(
                Locale.ROOT,
                head,
                "candidate",
                "open ms",
                "ingest/s",
                "ingest s",
                "ingest/cpu-s",
                "disk MB",
                "reopen",
                "avg 1st",
                "avg ms",
                "avg cpu",
                "twa ms",
                "twa cpu",
                "raw ms",
                "raw cpu",
                "jar MB");
        for (Figures f : all) {
            double ingestS = f.ingest.wallMs / 1000;
            System.out.printf(
                    Locale.ROOT,
                    "%-24s %8.0f %,11.0f %9.2f %,11.0f %7.1f %8.0f | %9.0f %9.1f %9.1f | %9.1f %9.1f | %9.1f %9.1f | %6.1f%n",
                    f.name,
                    f.openMs,
                    f.samples / ingestS,
                    ingestS,
                    f.samples / (f.ingest.cpuMs / 1000),
                    f.diskBytes / 1e6,
                    f.reopenMs,
                    f.averageFirst.wallMs,
                    f.average.wallMs,
                    f.average.cpuMs,
                    f.timeWeighted.wallMs,
                    f.timeWeighted.cpuMs,
                    f.raw.wallMs,
                    f.raw.cpuMs,
                    f.jarBytes / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "%-24s   per-minute rows %,d (sum %.3f), twa rows %,d (sum %.3f), raw rows %,d; load %s%n",
                    "",
                    f.average.rows,
                    f.average.checksum,
                    f.timeWeighted.rows,
                    f.timeWeighted.checksum,
                    f.raw.rows,
                    f.load);
        }
    }

    static Options parse(String[] args) {
        int tags = 100;
        int seconds = (int) Duration.ofDays(1).toSeconds();
        int batch = 10_000;
        int runs = 5;
        List<String> only = List.of();
        boolean keep = false;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "isthmus-historian-bench");
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--tags" -> tags = Integer.parseInt(v);
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--runs" -> runs = Integer.parseInt(v);
                case "--only" -> only = Arrays.asList(v.split(","));
                case "--dir" -> dir = Path.of(v);
                case "--keep" -> {
                    keep = true;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        return new Options(tags, seconds, batch, runs, only, dir, keep);
    }

    private static long jarSize(Candidate c) {
        try {
            return Files.size(Path.of(c.engineClass()
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        } catch (Exception e) {
            return -1;
        }
    }

    /** The 1-minute load average, to show how busy the shared machine was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU time of the whole process, native engine threads included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
