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
 * the same run. Run with {@code bench/historian.sh [--tags N] [--seconds N] [--batch N] [--runs N]
 * [--only duckdb,questdb,sqlite,isthmus] [--dir DIR]}.
 */
public final class HistorianBench {

    private HistorianBench() {}

    record Options(int tags, int seconds, int batch, int runs, List<String> only, Path dir, boolean keep) {}

    record Figures(
            String name,
            double openMs,
            double ingestSeconds,
            double samplesPerSecond,
            double ingestCpuSeconds,
            long diskBytes,
            double reopenMs,
            double averageFirstMs,
            double averageMedianMs,
            double averageCpuMs,
            long averageRows,
            double averageChecksum,
            double rawMedianMs,
            long rawRows,
            long jarBytes) {}

    interface Factory {
        Candidate open(Path dir) throws Exception;
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
        List<BenchData.Batch> none = List.of();
        List<Figures> all = new ArrayList<>();
        for (Map.Entry<String, Factory> c : candidates().entrySet()) {
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
                Figures f = measure(c.getValue(), dir, data, reuse ? none : batches, o.runs);
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

    static Map<String, Factory> candidates() {
        Map<String, Factory> m = new LinkedHashMap<>();
        m.put("duckdb", DuckDbCandidate::new);
        m.put("questdb", dir -> new QuestDbCandidate(dir, Runtime.getRuntime().availableProcessors()));
        m.put("sqlite", SqliteCandidate::new);
        return m;
    }

    static Figures measure(Factory factory, Path dir, BenchData data, List<BenchData.Batch> batches, int runs)
            throws Exception {
        long t0 = System.nanoTime();
        Candidate c = factory.open(dir);
        double openMs = ms(System.nanoTime() - t0);
        String name = c.name();
        long jar = jarSize(c);
        long cpu1 = processCpuNanos();
        long t1 = System.nanoTime();
        for (BenchData.Batch b : batches) {
            c.ingest(b);
        }
        c.finishIngest();
        double ingestSeconds = (System.nanoTime() - t1) / 1e9;
        double ingestCpuSeconds = (processCpuNanos() - cpu1) / 1e9;
        c.close();
        long disk = treeSize(dir);
        long t2 = System.nanoTime();
        c = factory.open(dir);
        double reopenMs = ms(System.nanoTime() - t2);
        try (Candidate q = c) {
            long from = data.startMicros();
            long to = data.endMicros();
            double[] checksum = new double[1];
            long t3 = System.nanoTime();
            long rows = q.averagePerMinute(from, to, checksum);
            double firstMs = ms(System.nanoTime() - t3);
            double[] avg = new double[runs];
            double[] avgCpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                long cpu = processCpuNanos();
                long s = System.nanoTime();
                q.averagePerMinute(from, to, checksum);
                avg[i] = ms(System.nanoTime() - s);
                avgCpu[i] = ms(processCpuNanos() - cpu);
            }
            double[] raw = new double[runs];
            long rawRows = 0;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                rawRows = q.rawRange(i % data.tags(), from, to);
                raw[i] = ms(System.nanoTime() - s);
            }
            return new Figures(
                    name,
                    openMs,
                    ingestSeconds,
                    data.samples() / ingestSeconds,
                    ingestCpuSeconds,
                    disk,
                    reopenMs,
                    firstMs,
                    median(avg),
                    median(avgCpu),
                    rows,
                    checksum[0],
                    median(raw),
                    rawRows,
                    jar);
        }
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
        System.out.printf(
                Locale.ROOT,
                "%-28s %9s %12s %9s %9s %9s %10s %11s %10s %10s %9s %9s%n",
                "candidate",
                "open ms",
                "ingest/s",
                "ingest s",
                "ingest cpu",
                "disk MB",
                "reopen ms",
                "avg/min 1st",
                "avg/min ms",
                "avg/min cpu",
                "raw ms",
                "jar MB");
        for (Figures f : all) {
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %9.0f %,12.0f %9.2f %9.2f %9.1f %10.0f %11.0f %10.1f %10.1f %9.1f %9.1f   (%,d rows, sum %.3f; raw %,d rows)%n",
                    f.name,
                    f.openMs,
                    f.samplesPerSecond,
                    f.ingestSeconds,
                    f.ingestCpuSeconds,
                    f.diskBytes / 1e6,
                    f.reopenMs,
                    f.averageFirstMs,
                    f.averageMedianMs,
                    f.averageCpuMs,
                    f.rawMedianMs,
                    f.jarBytes / 1e6,
                    f.averageRows,
                    f.averageChecksum,
                    f.rawRows);
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
