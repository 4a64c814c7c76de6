package io.isthmus.observe.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DissectCoreBenchmark} and {@link DetectionBenchmark} (select one with a JMH
 * include pattern as first argument, e.g. {@code Detection}) with JMH command-line arguments ({@code -wi 2 -i 3 -f 1}, {@code
 * -p megabytes=32}, {@code -p threads=1,2}) and prints MB/s per thread count beside JMH's time per pass. Needs the classes the JMH
 * annotation processor generates, so build with the bench profile and {@code clean}:
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl isthmus-observe -am clean verify -DskipTests -Djmh.args="-wi 2 -i 3 -f 1"
 * </pre>
 */
public final class DissectCoreBenchmarks {
    private DissectCoreBenchmarks() {}

    public static void main(String[] args) throws Exception {
        var builder = new OptionsBuilder().parent(new CommandLineOptions(args));
        if (args.length == 0 || args[0].startsWith("-")) {
            // no pattern given: both benchmarks
            builder.include(DissectCoreBenchmark.class.getName()).include(DetectionBenchmark.class.getName());
        }
        var options = builder.build();
        for (RunResult r : new Runner(options).run()) {
            if (r.getParams().getBenchmark().endsWith("detect")) {
                String capture = r.getParams().getParam("capture");
                int observations = new DetectionInput(
                                java.nio.file.Path.of(capture),
                                (long) Integer.parseInt(r.getParams().getParam("megabytes")) << 20)
                        .observations.size();
                double ms = r.getPrimaryResult().getScore();
                System.out.printf(
                        "detection: %s, %d observations: %.1f ms per pass (± %.1f) = %.0f observations/s%n",
                        capture, observations, ms, r.getPrimaryResult().getScoreError(), observations / (ms / 1000));
                continue;
            }
            String capture = r.getParams().getParam("capture");
            long bytes = PcapPrefix.read(
                            java.nio.file.Path.of(capture),
                            (long) Integer.parseInt(r.getParams().getParam("megabytes")) << 20)
                    .length;
            double ms = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf(
                    "dissect core: %s, %.1f MB (%d bytes), %s thread(s): %.1f ms per pass (± %.1f) = %.1f MB/s%n",
                    capture,
                    bytes / 1e6,
                    bytes,
                    r.getParams().getParam("threads"),
                    ms,
                    error,
                    bytes / 1e6 / (ms / 1000));
        }
    }
}
