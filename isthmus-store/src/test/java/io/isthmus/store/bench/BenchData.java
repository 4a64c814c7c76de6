package io.isthmus.store.bench;

import java.time.Instant;

/**
 * The benchmark workload: {@code tags} tags sampled once a second for {@code seconds} seconds,
 * delivered in time order (every tag for second 0, then every tag for second 1, ...) as a poller
 * and a journal would deliver it. Values are deterministic so every candidate stores the same data.
 */
record BenchData(int tags, int seconds, int batchSize, Instant start) {

    static final long MICROS_PER_SECOND = 1_000_000L;

    BenchData {
        if (tags < 1 || seconds < 1 || batchSize < 1) {
            throw new IllegalArgumentException("tags, seconds and batchSize must be positive");
        }
    }

    long samples() {
        return (long) tags * seconds;
    }

    long startMicros() {
        return start.getEpochSecond() * MICROS_PER_SECOND;
    }

    long endMicros() {
        return startMicros() + seconds * MICROS_PER_SECOND;
    }

    /** The value of one tag at one second: a slow sine per tag plus a deterministic wobble. */
    static double value(int tag, long second) {
        long h = (second * 0x9E3779B97F4A7C15L) ^ (tag * 0xC2B2AE3D27D4EB4FL);
        double noise = ((h >>> 11) & 0xFFFF) / 65536.0 - 0.5;
        return 50 + 10 * Math.sin(2 * Math.PI * second / 3600.0 + tag) + noise;
    }

    /** Calls {@code sink} with column batches of at most {@code batchSize} rows, in time order. */
    void forEachBatch(BatchSink sink) throws Exception {
        Batch batch = new Batch(batchSize);
        long base = startMicros();
        for (long s = 0; s < seconds; s++) {
            long ts = base + s * MICROS_PER_SECOND;
            for (int t = 0; t < tags; t++) {
                batch.add(t, ts, value(t, s));
                if (batch.size == batchSize) {
                    sink.accept(batch);
                    batch.size = 0;
                }
            }
        }
        if (batch.size > 0) {
            sink.accept(batch);
        }
    }

    interface BatchSink {
        void accept(Batch batch) throws Exception;
    }

    /** One batch in columns; every sample is a good real value. */
    static final class Batch {
        final int[] tag;
        final long[] tsMicros;
        final double[] value;
        int size;

        Batch(int capacity) {
            tag = new int[capacity];
            tsMicros = new long[capacity];
            value = new double[capacity];
        }

        void add(int t, long ts, double v) {
            tag[size] = t;
            tsMicros[size] = ts;
            value[size] = v;
            size++;
        }
    }
}
