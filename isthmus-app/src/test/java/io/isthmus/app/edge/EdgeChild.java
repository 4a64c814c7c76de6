package io.isthmus.app.edge;

import io.isthmus.app.config.EdgeConfigYaml;
import io.isthmus.model.Sample;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

/**
 * A real {@code isthmus edge} process for {@link KillNineEdgeTest}: loads the YAML, starts the same
 * {@link Edge} the command runs, and prints every record the journal acknowledged with its samples,
 * {@code ACK <sequence> <path>|<micros>|<value>|<quality>;...}, flushed before the next one.
 */
public final class EdgeChild {
    private EdgeChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        EdgeConfig config = EdgeConfigYaml.load(Path.of(args[0]));
        Edge.start(config, j -> {
            StringBuilder b = new StringBuilder("ACK ").append(j.sequence()).append(' ');
            for (Sample s : j.samples()) {
                b.append(s.path())
                        .append('|')
                        .append(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, s.sourceTime()))
                        .append('|')
                        .append(s.value())
                        .append('|')
                        .append(s.quality())
                        .append(';');
            }
            synchronized (out) {
                out.println(b);
                out.flush();
            }
        });
        Thread.currentThread().join(); // until killed
    }
}
