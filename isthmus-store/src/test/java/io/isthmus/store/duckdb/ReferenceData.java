package io.isthmus.store.duckdb;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Irregular samples of one tag (random gaps, qualities and some NaN) and a plain, slow reading of
 * the time-weighted average rules to check the SQL against.
 */
record ReferenceData(List<Sample> inTimeOrder, List<Sample> samples) {
    static final TagPath TAG = TagPath.parse("acme/plant1/bottling/line1/mixer/tank/level");

    static ReferenceData random(long seed, int count) {
        Random rnd = new Random(seed);
        List<Sample> ordered = new ArrayList<>();
        long ms = -100_000;
        for (int i = 0; i < count; i++) {
            ms += 100 + rnd.nextInt(20_000);
            Quality q = switch (rnd.nextInt(20)) {
                case 0, 1 -> Quality.BAD_COMM;
                case 2 -> Quality.BAD_DEVICE;
                case 3, 4 -> Quality.STALE;
                default -> Quality.GOOD;
            };
            double v = rnd.nextInt(30) == 0 ? Double.NaN : rnd.nextDouble() * 100;
            ordered.add(new Sample(TAG, Fixtures.T0.plusMillis(ms), Value.of(v), q));
        }
        List<Sample> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, rnd);
        return new ReferenceData(ordered, shuffled);
    }

    List<OptionalDouble> timeWeighted(Instant from, Instant to, Duration interval, Duration maxHold) {
        long f = Micros.of(from);
        long t = Micros.of(to);
        long iv = Micros.of(interval);
        long hold = Micros.of(maxHold);
        int n = (int) ((t - f + iv - 1) / iv);
        double[] weighted = new double[n];
        long[] covered = new long[n];
        for (int i = 0; i < inTimeOrder.size(); i++) {
            Sample s = inTimeOrder.get(i);
            long ts = Micros.of(s.sourceTime());
            if (ts >= t || !Codes.usable(s.value(), s.quality())) {
                continue;
            }
            long next = i + 1 < inTimeOrder.size()
                    ? Micros.of(inTimeOrder.get(i + 1).sourceTime())
                    : Long.MAX_VALUE;
            long start = Math.max(ts, f);
            long end = Math.min(Math.min(next, ts + hold), t);
            for (int k = 0; k < n; k++) {
                long overlap = Math.min(end, f + (k + 1) * iv) - Math.max(start, f + k * iv);
                if (overlap > 0) {
                    weighted[k] += s.value().asDouble() * overlap;
                    covered[k] += overlap;
                }
            }
        }
        List<OptionalDouble> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(covered[k] > 0 ? OptionalDouble.of(weighted[k] / covered[k]) : OptionalDouble.empty());
        }
        return out;
    }
}
