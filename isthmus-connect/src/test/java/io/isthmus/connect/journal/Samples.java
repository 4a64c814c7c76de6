package io.isthmus.connect.journal;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sample batches for tests and benchmarks: a bottling line's tags, deterministic from a seed. */
final class Samples {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final SampleBatchCodec CODEC = SampleBatchCodec.withDefaults();

    private Samples() {}

    static TagPath tag(String equipment, String point) {
        return new TagPath("acme", "plant1", "bottling", "line1", "cell1", equipment, point);
    }

    /** {@code count} samples across five machines, values and times derived from {@code seed}. */
    static List<Sample> batch(long seed, int count) {
        String[] machines = {"filler", "capper", "labeler", "packer", "palletizer"};
        String[] points = {"speed", "temperature", "running", "count", "recipe"};
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long k = seed * 1_000 + i;
            TagPath path = tag(machines[(int) (k % machines.length)], points[i % points.length]);
            Value value = switch (i % points.length) {
                case 0 -> Value.of(100.0 + (k % 50) / 10.0);
                case 1 -> Value.of(20.5 + (k % 7));
                case 2 -> Value.of(k % 3 != 0);
                case 3 -> Value.of(k);
                default -> Value.of("recipe-" + (k % 4));
            };
            Quality quality = k % 17 == 0 ? Quality.STALE : Quality.GOOD;
            samples.add(new Sample(path, T0.plusMillis(k * 100), value, quality));
        }
        return samples;
    }

    static byte[] encoded(long seed, int count) {
        return CODEC.encode(batch(seed, count));
    }

    /** A batch whose encoding is about {@code bytes} long (1 KiB batches for the benchmark). */
    static byte[] encodedOfAbout(long seed, int bytes) {
        int count = 1;
        while (CODEC.encode(batch(seed, count)).length < bytes) {
            count++;
        }
        return CODEC.encode(batch(seed, count));
    }
}
