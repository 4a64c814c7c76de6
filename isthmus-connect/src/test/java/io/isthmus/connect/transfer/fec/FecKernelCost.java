package io.isthmus.connect.transfer.fec;

import java.lang.management.ManagementFactory;

/**
 * CPU time (not wall time: the benchmark machine is shared) of encoding default batches with the
 * long-wise lookup kernel, the byte loop it replaced, the bit-matrix (XOR-only) form over {@code long[]}
 * packets the transfer now uses, and the same form over the shard bytes (fourth session), alternating,
 * five rounds of 2,000 batches; and, for scale, the SHA-256 both ends compute over every batch body:
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
        var sha = io.isthmus.connect.transfer.frame.BatchBody.sha256();
        byte[] body = new byte[47 * 1400];
        new java.util.Random(2).nextBytes(body);
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
            for (int i = 0; i < batches; i++) {
                bench.encodeBitMatrixOverBytes();
            }
            long c4 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < batches; i++) {
                sha.update(body);
                sha.digest();
            }
            long c5 = mx.getCurrentThreadCpuTime();
            System.out.printf(
                    "round %d: long-wise %.2f CPU-s per Gbit of payload, byte loop %.2f, bit-matrix over long[] packets"
                            + " (now, copies included) %.2f, bit-matrix over byte[] (fourth session) %.2f;"
                            + " SHA-256 of the same payload %.3f%n",
                    round,
                    (c1 - c0) / 1e9 / payloadGbit,
                    (c2 - c1) / 1e9 / payloadGbit,
                    (c3 - c2) / 1e9 / payloadGbit,
                    (c4 - c3) / 1e9 / payloadGbit,
                    (c5 - c4) / 1e9 / payloadGbit);
        }
    }
}
