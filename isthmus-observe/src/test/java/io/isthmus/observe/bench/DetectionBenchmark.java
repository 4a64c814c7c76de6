package io.isthmus.observe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Detection alone (policy check, dangerous commands, reconnaissance, learning and baseline
 * deviations, deduplication) over the observations of the first {@code megabytes} of {@code
 * capture}, decoded once in the setup ({@link DetectionInput}). One operation is one pass with a
 * fresh {@code Detection}; {@link DissectCoreBenchmarks} prints observations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DetectionBenchmark {

    @Param("/tmp/bench/ics_big.pcap")
    public String capture;

    @Param("64")
    public int megabytes;

    DetectionInput input;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path file = Path.of(capture);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    capture + " does not exist: build it with /work/shared/tools/build_ics_big.sh"
                            + " (see bench/analyze-vs-tshark) or pass -p capture=FILE (classic pcap)");
        }
        input = new DetectionInput(file, (long) megabytes << 20);
    }

    @Benchmark
    public int detect() throws Exception {
        return input.pass();
    }
}
