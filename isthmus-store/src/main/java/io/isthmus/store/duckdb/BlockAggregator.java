package io.isthmus.store.duckdb;

import io.isthmus.model.TagPath;
import io.isthmus.store.Aggregate;
import io.isthmus.store.AggregateQuery;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.HistorianException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregate queries of the block layout, with the rules of {@link Aggregate}. Whole-minute
 * MIN/MAX/AVG/COUNT/LAST come from the minute partials; other intervals and the time-weighted
 * average from a tag's samples merged in {@code (time, seq, position)} order by {@link
 * BlockReader}, from {@code maxHold} before the range so earlier values carry in.
 */
final class BlockAggregator {
    private static final Set<Aggregate> SIMPLE =
            EnumSet.of(Aggregate.MIN, Aggregate.MAX, Aggregate.AVG, Aggregate.LAST, Aggregate.COUNT);

    private final TagDirectory tags;
    private final BlockReader reader;
    private final long holdMicros;

    BlockAggregator(TagDirectory tags, BlockReader reader, long holdMicros) {
        this.tags = tags;
        this.reader = reader;
        this.holdMicros = holdMicros;
    }

    List<AggregateSeries> run(Connection conn, AggregateQuery q, int buckets) throws SQLException {
        BucketGrid grid = BucketGrid.of(q);
        long from = grid.from();
        long to = grid.to();
        long iv = grid.iv();
        Map<Integer, BucketTable> byId = new HashMap<>();
        List<BucketTable> tables = BucketTable.forTags(q.tags(), tags, buckets, byId);
        Set<Aggregate> simple = EnumSet.noneOf(Aggregate.class);
        q.aggregates().stream().filter(SIMPLE::contains).forEach(simple::add);
        boolean partials = !simple.isEmpty() && grid.wholeMinutes();
        boolean twa = q.aggregates().contains(Aggregate.TIME_WEIGHTED_AVG);
        if (!byId.isEmpty() && buckets > 0) {
            if (partials) {
                fromPartials(conn, byId, simple, from, to, iv, buckets);
            }
            if (twa || (!simple.isEmpty() && !partials)) {
                for (Map.Entry<Integer, BucketTable> e : byId.entrySet()) {
                    TagPath path = tags.path(e.getKey());
                    BlockColumns c = reader.read(conn, e.getKey(), path, from - holdMicros, to, Integer.MAX_VALUE);
                    Sums s = new Sums(buckets);
                    if (!partials) {
                        s.simple(c, from, to, iv);
                        s.fill(e.getValue(), simple);
                    }
                    if (twa) {
                        s.timeWeighted(c, from, to, iv, holdMicros);
                        s.fillTimeWeighted(e.getValue());
                    }
                }
            }
        }
        return BucketTable.series(q, tables, grid);
    }

    /** Combines the partials of the asked tags and minutes, read in arrival order. */
    private void fromPartials(
            Connection conn,
            Map<Integer, BucketTable> byId,
            Set<Aggregate> wanted,
            long from,
            long to,
            long iv,
            int buckets)
            throws SQLException {
        Map<Integer, Sums> sums = new HashMap<>();
        byId.keySet().forEach(id -> sums.put(id, new Sums(buckets)));
        String sql = "SELECT seq, data FROM blocks WHERE kind = " + BlockSchema.PARTIALS
                + " AND t_max >= ? AND t_min < ? ORDER BY seq";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (MinuteRollup.Partial p : decode(rs.getLong(1), rs.getBytes(2))) {
                        Sums s = sums.get(p.tag);
                        if (s != null && p.minute >= from && p.minute < to) {
                            s.partial((int) ((p.minute - from) / iv), p);
                        }
                    }
                }
            }
        }
        sums.forEach((id, s) -> s.fill(byId.get(id), wanted));
    }

    private static List<MinuteRollup.Partial> decode(long seq, byte[] data) {
        try {
            return PartialsCodec.decode(data);
        } catch (BlockFormatException e) {
            throw new HistorianException("partials block " + seq + " is corrupt: " + e.getMessage(), e);
        }
    }

    /** Running sums per bucket of one tag. */
    private static final class Sums {
        final long[] n;
        final double[] total;
        final double[] lo;
        final double[] hi;
        final long[] lastT;
        final double[] lastV;
        final double[] weighted;
        final long[] held;

        Sums(int buckets) {
            n = new long[buckets];
            total = new double[buckets];
            lo = new double[buckets];
            hi = new double[buckets];
            lastT = new long[buckets];
            lastV = new double[buckets];
            weighted = new double[buckets];
            held = new long[buckets];
            java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(lastT, Long.MIN_VALUE);
        }

        void partial(int k, MinuteRollup.Partial p) {
            n[k] += p.n;
            total[k] += p.total;
            lo[k] = Math.min(lo[k], p.lo);
            hi[k] = Math.max(hi[k], p.hi);
            if (p.lastT >= lastT[k]) {
                lastT[k] = p.lastT;
                lastV[k] = p.lastV;
            }
        }

        void simple(BlockColumns c, long from, long to, long iv) {
            for (int i = 0; i < c.size; i++) {
                long t = c.t[i];
                if (t >= from && t < to && c.usable(i)) {
                    int k = (int) ((t - from) / iv);
                    double v = c.num[i];
                    n[k]++;
                    total[k] += v;
                    lo[k] = Math.min(lo[k], v);
                    hi[k] = Math.max(hi[k], v);
                    if (t >= lastT[k]) {
                        lastT[k] = t;
                        lastV[k] = v;
                    }
                }
            }
        }

        /**
         * Step interpolation: sample i holds from its time until the next sample (any quality), at
         * most {@code hold}, never past {@code to}; usable held periods are cut at bucket
         * boundaries.
         */
        void timeWeighted(BlockColumns c, long from, long to, long iv, long hold) {
            for (int i = 0; i < c.size; i++) {
                if (!c.usable(i)) {
                    continue;
                }
                long next = i + 1 < c.size ? c.t[i + 1] : to;
                long e = Math.min(next, c.t[i] + hold);
                long s = Math.max(c.t[i], from);
                while (s < e) {
                    int k = (int) ((s - from) / iv);
                    long end = Math.min(e, from + (k + 1) * iv);
                    weighted[k] += c.num[i] * (end - s);
                    held[k] += end - s;
                    s = end;
                }
            }
        }

        void fill(BucketTable t, Set<Aggregate> wanted) {
            for (int k = 0; k < n.length; k++) {
                t.put(Aggregate.COUNT, k, n[k]);
                if (n[k] == 0) {
                    continue;
                }
                for (Aggregate a : wanted) {
                    switch (a) {
                        case MIN -> t.put(a, k, lo[k]);
                        case MAX -> t.put(a, k, hi[k]);
                        case AVG -> t.put(a, k, total[k] / n[k]);
                        case LAST -> t.put(a, k, lastV[k]);
                        case COUNT, TIME_WEIGHTED_AVG -> {}
                    }
                }
            }
        }

        void fillTimeWeighted(BucketTable t) {
            for (int k = 0; k < held.length; k++) {
                if (held[k] > 0) {
                    t.put(Aggregate.TIME_WEIGHTED_AVG, k, weighted[k] / held[k]);
                }
            }
        }
    }
}
