package io.isthmus.observe.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Detection's CPU time per pass over pre-decoded observations ({@link DetectionInput}), for
 * comparing changes on a loaded machine where wall-clock figures swing: {@code java -cp ...
 * DetectionCpu CAPTURE MEGABYTES PASSES}. Prints observations per CPU-second per pass.
 */
public final class DetectionCpu {
    private DetectionCpu() {}

    public static void main(String[] args) throws Exception {
        DetectionInput input = new DetectionInput(Path.of(args[0]), Long.parseLong(args[1]) << 20);
        int passes = Integer.parseInt(args[2]);
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < passes; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            int alerts = input.pass();
            double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(
                    "pass %d: %d observations, %d alerts, CPU %.3f s, %.0f observations per CPU-second%n",
                    i + 1, input.observations.size(), alerts, cpuS, input.observations.size() / cpuS);
        }
    }
}
