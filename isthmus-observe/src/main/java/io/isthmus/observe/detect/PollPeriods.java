package io.isthmus.observe.detect;

import io.isthmus.model.Protocol;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The polling cycles of a baseline: for each (client, server, protocol, unit, function, address,
 * quantity), the intervals between its requests while learning, kept as the last {@link #SAMPLES}
 * so memory per cycle is fixed; or the period loaded from a saved baseline. At most {@code
 * maxPolls} cycles; more are counted as dropped.
 */
final class PollPeriods {
    /** Intervals remembered per cycle while learning. */
    static final int SAMPLES = 64;

    /** One polling cycle's identity; unit, address and quantity are -1 when the message has none. */
    record PollKey(Host client, Host server, Protocol protocol, long unit, int function, long address, long quantity) {
        static PollKey of(Seen s) {
            return new PollKey(
                    s.src,
                    s.dst,
                    s.m.protocol(),
                    Baseline.unitOf(s.m.unit()),
                    s.m.function(),
                    s.m.address().isPresent() ? s.m.address().getAsLong() : -1,
                    s.m.quantity().isPresent() ? s.m.quantity().getAsLong() : -1);
        }

        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof PollKey k
                    && function == k.function
                    && address == k.address
                    && unit == k.unit
                    && quantity == k.quantity
                    && protocol == k.protocol
                    && client.equals(k.client)
                    && server.equals(k.server);
        }

        @Override
        public int hashCode() {
            int h = client.hashCode();
            h = 31 * h + server.hashCode();
            h = 31 * h + protocol.hashCode();
            h = 31 * h + Long.hashCode(unit);
            h = 31 * h + function;
            h = 31 * h + Long.hashCode(address);
            return 31 * h + Long.hashCode(quantity);
        }
    }

    /**
     * A learned period: median interval, median absolute deviation, how many intervals it rests on,
     * and the time of the last request learned (-1 when loaded from a file).
     */
    record Period(long medianNanos, long spreadNanos, int intervals, long lastNanos) {
        static Period of(long[] intervals, int n, long lastNanos) {
            long[] sorted = Arrays.copyOf(intervals, n);
            Arrays.sort(sorted);
            long median = median(sorted, n);
            long[] deviations = new long[n];
            for (int i = 0; i < n; i++) {
                deviations[i] = Math.abs(sorted[i] - median);
            }
            Arrays.sort(deviations);
            return new Period(median, median(deviations, n), n, lastNanos);
        }

        static long median(long[] sorted, int n) {
            return n == 0 ? 0 : sorted[(n - 1) / 2];
        }
    }

    private static final class Learning {
        long last;
        final long[] ring = new long[SAMPLES];
        int n;
        int next;
        long total;

        Learning(long first) {
            last = first;
        }
    }

    private final int maxPolls;
    private final Map<PollKey, Learning> learning = new HashMap<>();
    private final Map<PollKey, Period> loaded = new LinkedHashMap<>();
    private long dropped;

    PollPeriods(int maxPolls) {
        this.maxPolls = maxPolls;
    }

    long dropped() {
        return dropped;
    }

    int size() {
        return learning.size() + loaded.size();
    }

    /** One request of a cycle at {@code nanos}; an interval going backwards is not learned. */
    void learn(PollKey key, long nanos) {
        Learning l = learning.get(key);
        if (l == null) {
            if (size() >= maxPolls) {
                dropped++;
                return;
            }
            learning.put(key, new Learning(nanos));
            return;
        }
        long interval = nanos - l.last;
        l.last = Math.max(l.last, nanos);
        if (interval < 0) {
            return;
        }
        l.ring[l.next] = interval;
        l.next = (l.next + 1) % SAMPLES;
        l.n = Math.min(l.n + 1, SAMPLES);
        l.total++;
    }

    void load(PollKey key, Period p) {
        if (size() >= maxPolls) {
            dropped++;
            return;
        }
        loaded.put(key, p);
    }

    /** Every cycle with at least one interval, by its learned or loaded period. */
    Map<PollKey, Period> periods() {
        Map<PollKey, Period> out = new HashMap<>(loaded);
        learning.forEach((k, l) -> {
            if (l.n > 0) {
                Period p = Period.of(l.ring, l.n, l.last);
                out.put(
                        k,
                        new Period(
                                p.medianNanos(), p.spreadNanos(), (int) Math.min(l.total, Integer.MAX_VALUE), l.last));
            }
        });
        return out;
    }
}
