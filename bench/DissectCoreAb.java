import io.isthmus.observe.bench.PcapPrefix;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Two builds of the dissect core in one JVM, each in its own class loader, passes alternated A B A
 * B on the same thread: both see the same machine at the same moments, which separate processes
 * on a loaded shared machine do not. Prints each pass's thread CPU time and the bytes the thread
 * allocated (exact, not sampled, and independent of the load). The loaders are named A
 * and B, so a JFR recording of the run tells the two builds' frames apart by class loader. Run by bench/dissect-core-ab.
 * Usage: java -cp PCAP_PREFIX_CLASSES DissectCoreAb.java CAPTURE MEGABYTES PASSES CLASSES_A CLASSES_B
 * (PCAP_PREFIX_CLASSES: the compiled {@code io.isthmus.observe.bench.PcapPrefix}, which cuts the capture)
 */
public final class DissectCoreAb {
    public static void main(String[] args) throws Exception {
        byte[] bytes = PcapPrefix.read(Path.of(args[0]), Long.parseLong(args[1]) << 20);
        int passes = Integer.parseInt(args[2]);
        Variant[] variants = {new Variant("A", Path.of(args[3])), new Variant("B", Path.of(args[4]))};
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[2][passes];
        double[][] allocated = new double[2][passes];
        for (int i = 0; i < passes; i++) {
            for (int v = 0; v < 2; v++) {
                // Alternate which build goes first, so neither always follows the other.
                int which = (i % 2 == 0) ? v : 1 - v;
                long start = threads.getCurrentThreadCpuTime();
                long startBytes = threads.getCurrentThreadAllocatedBytes();
                long observations = variants[which].pass(bytes);
                cpu[which][i] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                allocated[which][i] = (threads.getCurrentThreadAllocatedBytes() - startBytes) / 1e6;
                System.out.printf("pass %d %s: %d observations, CPU %.3f s (%.1f MB/s), allocated %.1f MB%n",
                        i + 1, variants[which].name, observations, cpu[which][i], bytes.length / 1e6 / cpu[which][i],
                        allocated[which][i]);
            }
        }
        int from = passes / 2;
        for (int v = 0; v < 2; v++) {
            double[] tail = Arrays.copyOfRange(cpu[v], from, passes);
            double sum = Arrays.stream(tail).sum();
            double meanAllocated = Arrays.stream(allocated[v], from, passes).average().orElse(0);
            double[] sorted = tail.clone();
            Arrays.sort(sorted);
            double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
            System.out.printf("%s passes %d-%d: mean CPU %.3f s (%.1f MB/s), median %.3f (%.1f MB/s), min %.3f, max %.3f;"
                            + " allocated %.1f MB per pass (%.2f bytes per input byte)%n",
                    variants[v].name, from + 1, passes, sum / tail.length, bytes.length / 1e6 / (sum / tail.length),
                    median, bytes.length / 1e6 / median, sorted[0], sorted[sorted.length - 1], meanAllocated,
                    meanAllocated * 1e6 / bytes.length);
        }
        // The median over the pairs of B's pass divided by the A pass run next to it.
        double[] ratio = new double[passes - from];
        for (int i = from; i < passes; i++) {
            ratio[i - from] = cpu[1][i] / cpu[0][i];
        }
        Arrays.sort(ratio);
        System.out.printf("B/A per pair, passes %d-%d: median %.3f%n", from + 1, passes,
                (ratio[(ratio.length - 1) / 2] + ratio[ratio.length / 2]) / 2);
    }

    private static final class Variant {
        final String name;
        final Method open;
        final Method run;
        final Object limits;

        Variant(String name, Path classes) throws Exception {
            this.name = name;
            ClassLoader loader = new URLClassLoader(name, new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> source = loader.loadClass("io.isthmus.observe.capture.CaptureSource");
            Class<?> limitsType = loader.loadClass("io.isthmus.wire.capture.CaptureLimits");
            this.limits = limitsType.getField("DEFAULT").get(null);
            this.open = source.getMethod("of", InputStream.class, OptionalLong.class, limitsType);
            this.run = loader.loadClass("io.isthmus.observe.session.CaptureAnalysis").getMethod("run", source, Consumer.class);
        }

        long pass(byte[] bytes) throws Exception {
            // Keep each observation in a small ring, so that it escapes as it does in isthmus analyze (the
            // writer's queue) and in the JMH benchmark (its Blackhole). A sink that only counted let C2
            // scalar-replace observations and summaries once enough was inlined, and so reported gains
            // (and allocation cuts) that neither analyze nor JMH saw (thirteenth session).
            long[] count = new long[1];
            Object[] kept = new Object[1024];
            Consumer<Object> sink = o -> kept[(int) (count[0]++ & 1023)] = o;
            try (AutoCloseable s = (AutoCloseable) open.invoke(null, new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), limits)) {
                run.invoke(null, s, sink);
            }
            return count[0];
        }
    }
}
