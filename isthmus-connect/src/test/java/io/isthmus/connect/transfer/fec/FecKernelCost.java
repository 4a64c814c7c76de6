package io.isthmus.connect.transfer.fec;

import java.lang.management.ManagementFactory;

/**
 * CPU time (not wall time: the benchmark machine is shared) of encoding default batches with the
 * long-wise kernel, the byte loop it replaced and the bit-matrix (XOR-only) form the transfer now uses, alternating, five rounds of 2,000 batches:
 * {@code java -cp ... io.isthmus.connect.transfer.fec.FecKernelCost}.
 */
public final class FecKernelCost {
    private FecKernelCost() {}

    public static void main(String[] args) {
        var bench = new ReedSolomonBenchmark();
        bench.k = 47;
        bench.m = 12;
        bench.shardBytes = 1400;
        bench.setUp();
        var mx = ManagementFactory.getThreadMXBean();
        int batches = 2000;
        double payloadGbit = batches * 47.0 * 1400 * 8 / 1e9;
        for (int round = 0; round < 5; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < batches; i++) {
                bench.encodeLongWise();
            }
            long c1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < batches; i++) {
                bench.encodeByteLoop();
            }
            long c2 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < batches; i++) {
                bench.encodeBitMatrix();
            }
            long c3 = mx.getCurrentThreadCpuTime();
            System.out.printf(
                    "round %d: long-wise %.2f CPU-s per Gbit of payload, byte loop %.2f, bit-matrix (XOR) %.2f%n",
                    round, (c1 - c0) / 1e9 / payloadGbit, (c2 - c1) / 1e9 / payloadGbit, (c3 - c2) / 1e9 / payloadGbit);
        }
    }
}
