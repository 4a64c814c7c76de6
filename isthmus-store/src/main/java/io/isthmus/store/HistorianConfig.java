package io.isthmus.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of an embedded historian.
 *
 * @param dir directory that holds the database files; created when missing
 * @param retention samples older than this (by source time) are deleted by {@link
 *     Historian#enforceRetention}
 * @param maxHold the longest a value is held by step interpolation (see {@link
 *     Aggregate#TIME_WEIGHTED_AVG}); it also bounds how far back a value is looked for to carry
 *     into a range
 * @param maxRangeSamples the largest {@code limit} a raw range query may ask for
 * @param maxAggregatePoints the most buckets (tags times intervals) one aggregate query may ask for
 * @param threads worker threads the engine may use for one query
 * @param memoryLimitMiB memory the engine may use for caches and queries before it spills to disk
 */
public record HistorianConfig(
        Path dir,
        Duration retention,
        Duration maxHold,
        int maxRangeSamples,
        int maxAggregatePoints,
        int threads,
        int memoryLimitMiB) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
    public static final Duration DEFAULT_MAX_HOLD = Duration.ofDays(1);
    public static final int DEFAULT_MAX_RANGE_SAMPLES = 1_000_000;
    public static final int DEFAULT_MAX_AGGREGATE_POINTS = 1_000_000;
    public static final int DEFAULT_MEMORY_LIMIT_MIB = 1024;

    public HistorianConfig {
        Objects.requireNonNull(dir, "dir");
        positive("retention", retention);
        positive("maxHold", maxHold);
        if (maxRangeSamples < 1) {
            throw new IllegalArgumentException("maxRangeSamples must be at least 1, not " + maxRangeSamples);
        }
        if (maxAggregatePoints < 1) {
            throw new IllegalArgumentException("maxAggregatePoints must be at least 1, not " + maxAggregatePoints);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256, not " + threads);
        }
        if (memoryLimitMiB < 64) {
            throw new IllegalArgumentException("memoryLimitMiB must be at least 64, not " + memoryLimitMiB);
        }
    }

    /** The defaults, stored in {@code dir}. */
    public static HistorianConfig create(Path dir) {
        return create(dir, b -> {});
    }

    /** The defaults, stored in {@code dir}, changed by {@code settings}. */
    public static HistorianConfig create(Path dir, Consumer<Builder> settings) {
        Builder b = new Builder(dir);
        settings.accept(b);
        return b.build();
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
    }

    /** Mutable builder behind {@link #create(Path, Consumer)}. */
    public static final class Builder {
        private final Path dir;
        private Duration retention = DEFAULT_RETENTION;
        private Duration maxHold = DEFAULT_MAX_HOLD;
        private int maxRangeSamples = DEFAULT_MAX_RANGE_SAMPLES;
        private int maxAggregatePoints = DEFAULT_MAX_AGGREGATE_POINTS;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int memoryLimitMiB = DEFAULT_MEMORY_LIMIT_MIB;

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder retention(Duration v) {
            retention = v;
            return this;
        }

        public Builder maxHold(Duration v) {
            maxHold = v;
            return this;
        }

        public Builder maxRangeSamples(int v) {
            maxRangeSamples = v;
            return this;
        }

        public Builder maxAggregatePoints(int v) {
            maxAggregatePoints = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder memoryLimitMiB(int v) {
            memoryLimitMiB = v;
            return this;
        }

        public HistorianConfig build() {
            return new HistorianConfig(
                    dir, retention, maxHold, maxRangeSamples, maxAggregatePoints, threads, memoryLimitMiB);
        }
    }
}
