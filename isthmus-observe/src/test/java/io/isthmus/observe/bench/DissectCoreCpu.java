package io.isthmus.observe.bench;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.session.Observation;
import io.isthmus.observe.session.ShardedAnalysis;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The dissect core's CPU time per pass, for comparing changes on a machine shared with other jobs,
 * where JMH's wall-clock figures swing with the load: {@code java -cp ... DissectCoreCpu CAPTURE
 * MEGABYTES PASSES [THREADS [batches]]}. Prints CPU MB/s per pass (the thread's CPU time, not wall time),
 * and the whole process's CPU time beside it. With THREADS above 1 the pass runs {@link
 * ShardedAnalysis} on that many shards: then the process's CPU time (every shard, the reading
 * thread, the merge, GC and JIT) and the wall time are the figures to compare.
 */
public final class DissectCoreCpu {
    private DissectCoreCpu() {}

    public static void main(String[] args) throws Exception {
        byte[] bytes = PcapPrefix.read(Path.of(args[0]), Long.parseLong(args[1]) << 20);
        int passes = Integer.parseInt(args[2]);
        int shards = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        boolean batches = args.length > 4 && args[4].equals("batches");
        var threads = ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < passes; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long processCpu = process.getProcessCpuTime();
            long wall = System.nanoTime();
            long[] count = new long[1];
            // kept in a ring so that observations escape as in analyze and in the JMH benchmark
            Observation[] kept = new Observation[1024];
            ShardedAnalysis.Opener open = () -> CaptureSource.of(
                    new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), CaptureLimits.DEFAULT);
            if (batches) {
                try (CaptureSource source = open.open()) {
                    ShardedAnalysis.run(source, o -> kept[(int) (count[0]++ & 1023)] = o, shards);
                }
            } else {
                ShardedAnalysis.run(open, o -> kept[(int) (count[0]++ & 1023)] = o, shards);
            }
            double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double processS = (process.getProcessCpuTime() - processCpu) / 1e9;
            double wallS = (System.nanoTime() - wall) / 1e9;
            System.out.printf(
                    "pass %d (%d thread%s): %d observations, CPU %.2f s (%.1f MB/s), process CPU %.2f s (%.1f MB/s),"
                            + " wall %.2f s (%.1f MB/s)%n",
                    i + 1,
                    shards,
                    shards == 1 ? "" : "s",
                    count[0],
                    cpuS,
                    bytes.length / 1e6 / cpuS,
                    processS,
                    bytes.length / 1e6 / processS,
                    wallS,
                    bytes.length / 1e6 / wallS);
        }
    }
}
