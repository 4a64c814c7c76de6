package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Partial aggregates per tag and minute of the usable samples of one append. Partials are
 * combinable (sum, count, min, max, and the last value by time), so an append that adds to a minute
 * another append already touched just writes another partial row.
 */
final class MinuteRollup {
    static final long MINUTE_MICROS = 60_000_000L;

    /** One partial row of {@code rollup_1m}. */
    static final class Partial {
        final int tag;
        final long minute;
        long n;
        double total;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long lastT = Long.MIN_VALUE;
        double lastV;

        Partial(int tag, long minute) {
            this.tag = tag;
            this.minute = minute;
        }

        void add(long t, double v) {
            n++;
            total += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            if (t >= lastT) {
                lastT = t;
                lastV = v;
            }
        }
    }

    private record Key(int tag, long minute) {}

    private final Map<Key, Partial> partials = new HashMap<>();

    void add(int tag, long t, Sample s) {
        if (!Codes.usable(s.value(), s.quality())) {
            return;
        }
        long minute = Math.floorDiv(t, MINUTE_MICROS) * MINUTE_MICROS;
        partials.computeIfAbsent(new Key(tag, minute), k -> new Partial(k.tag, k.minute))
                .add(t, s.value().asDouble());
    }

    List<Partial> partials() {
        return new ArrayList<>(partials.values());
    }
}
