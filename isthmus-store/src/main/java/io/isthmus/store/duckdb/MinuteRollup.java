package io.isthmus.store.duckdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Partial aggregates per tag and minute of the usable samples of one append. Partials are
 * combinable (sum, count, min, max, and the last value by time), so an append that adds to a minute
 * another append already touched just writes another partial row, and so can this one: each tag
 * keeps one open partial, and a sample of another minute closes it and opens the next. Samples
 * arrive in time order per tag, so that is one partial per tag and minute in practice, found
 * without hashing; out-of-order samples only cost extra rows, never a wrong aggregate.
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

    private final List<Partial> closed = new ArrayList<>();
    private Partial[] open = new Partial[16];

    /**
     * Adds a usable sample of tag {@code tag}, kept in slot {@code slot} (a small number the caller
     * gives each tag of the append).
     */
    void add(int slot, int tag, long t, double v) {
        if (slot >= open.length) {
            open = Arrays.copyOf(open, Math.max(slot + 1, open.length * 2));
        }
        long minute = Math.floorDiv(t, MINUTE_MICROS) * MINUTE_MICROS;
        Partial p = open[slot];
        if (p == null || p.minute != minute) {
            if (p != null) {
                closed.add(p);
            }
            p = new Partial(tag, minute);
            open[slot] = p;
        }
        p.add(t, v);
    }

    List<Partial> partials() {
        List<Partial> all = new ArrayList<>(closed);
        for (Partial p : open) {
            if (p != null) {
                all.add(p);
            }
        }
        return all;
    }
}
