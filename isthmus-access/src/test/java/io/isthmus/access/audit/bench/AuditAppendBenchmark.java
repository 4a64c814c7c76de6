package io.isthmus.access.audit.bench;

import io.isthmus.access.audit.AuditCategory;
import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.access.audit.InclusionProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Audit records appended per second, each with its inclusion proof, as the gateway does for every
 * decision: encode, write, hash into the tree, prove; a signed Ed25519 checkpoint every 1,000
 * records (forcing the file to disk). {@code durable} also forces every record to disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditAppendBenchmark {
    @Param({"false", "true"})
    public boolean durable;

    private Path dir;
    private AuditLog log;
    private long n;
    private final Map<String, String> details =
            Map.of("tag", "acme/springfield/packaging/line1/filler/plc/setpoint", "old", "1800", "new", "2000");

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("isthmus-audit-bench");
        log = AuditLog.open(dir, AuditConfig.DEFAULT.withMaxBytes(8L << 30), Clock.systemUTC(), w -> {});
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public InclusionProof appendWithProof() throws IOException {
        long seq = log.append(
                new AuditEvent(
                        Instant.now(),
                        "mes-service@10.2.0.7",
                        AuditCategory.CONTROL_SYSTEM,
                        "write.requested",
                        "req-" + n++,
                        AuditResult.PENDING,
                        new java.util.TreeMap<>(details)),
                durable);
        return log.prove(seq);
    }
}
