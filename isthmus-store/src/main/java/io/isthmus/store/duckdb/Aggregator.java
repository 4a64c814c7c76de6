package io.isthmus.store.duckdb;

import io.isthmus.store.Aggregate;
import io.isthmus.store.AggregateQuery;
import io.isthmus.store.AggregateSeries;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs aggregate queries. MIN/MAX/AVG/COUNT/LAST come from the minute partials when the range and
 * interval are whole minutes (the "a day per minute for 100 tags" reads 144,000 partial
 * rows instead of 8.64 million samples), otherwise from the raw samples. The time-weighted average
 * always comes from the raw samples: it needs each value's successor.
 *
 * <p>All numbers in the SQL are longs computed here and tag ids from the directory, written as
 * literals; nothing from outside reaches the SQL text.
 */
final class Aggregator {
    private static final Set<Aggregate> SIMPLE =
            EnumSet.of(Aggregate.MIN, Aggregate.MAX, Aggregate.AVG, Aggregate.LAST, Aggregate.COUNT);

    private final TagDirectory tags;
    private final long holdMicros;

    Aggregator(TagDirectory tags, long holdMicros) {
        this.tags = tags;
        this.holdMicros = holdMicros;
    }

    List<AggregateSeries> run(Connection conn, AggregateQuery q, int buckets) throws SQLException {
        BucketGrid grid = BucketGrid.of(q);
        long from = grid.from();
        long to = grid.to();
        long iv = grid.iv();
        Map<Integer, BucketTable> byId = new HashMap<>();
        List<BucketTable> tables = BucketTable.forTags(q.tags(), tags, buckets, byId);
        if (!byId.isEmpty() && buckets > 0) {
            String ids = byId.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
            List<Aggregate> simple =
                    q.aggregates().stream().filter(SIMPLE::contains).sorted().toList();
            if (!simple.isEmpty()) {
                String sql = grid.wholeMinutes()
                        ? fromPartials(simple, ids, from, to, iv)
                        : fromSamples(simple, ids, from, to, iv);
                fill(conn, sql, byId, (t, k, rs) -> {
                    for (int i = 0; i < simple.size(); i++) {
                        t.set(simple.get(i), k, rs, 3 + i);
                    }
                });
            }
            if (q.aggregates().contains(Aggregate.TIME_WEIGHTED_AVG)) {
                fill(
                        conn,
                        timeWeighted(ids, from, to, iv),
                        byId,
                        (t, k, rs) -> t.set(Aggregate.TIME_WEIGHTED_AVG, k, rs, 3));
            }
        }
        return BucketTable.series(q, tables, grid);
    }

    /** Only the asked aggregates are computed: a day of AVG for 100 tags then reads two columns. */
    static String fromPartials(List<Aggregate> simple, String ids, long from, long to, long iv) {
        String cols = simple.stream()
                .map(a -> switch (a) {
                    case MIN -> "min(lo)";
                    case MAX -> "max(hi)";
                    case AVG -> "sum(total) / sum(n)";
                    case LAST -> "arg_max(last_v, last_t)";
                    case COUNT -> "sum(n)::BIGINT";
                    case TIME_WEIGHTED_AVG -> throw new IllegalArgumentException("not from partials");
                })
                .collect(Collectors.joining(", "));
        return "SELECT tag, ((minute - " + from + ") // " + iv + ")::INTEGER AS k, " + cols + " FROM rollup_1m"
                + " WHERE tag IN (" + ids + ") AND minute >= " + from + " AND minute < " + to
                + " GROUP BY tag, k";
    }

    static String fromSamples(List<Aggregate> simple, String ids, long from, long to, long iv) {
        String cols = simple.stream()
                .map(a -> switch (a) {
                    case MIN -> "min(num)";
                    case MAX -> "max(num)";
                    case AVG -> "avg(num)";
                    case LAST -> "arg_max(num, t)";
                    case COUNT -> "count(*)";
                    case TIME_WEIGHTED_AVG -> throw new IllegalArgumentException("not a simple aggregate");
                })
                .collect(Collectors.joining(", "));
        return "SELECT tag, ((t - " + from + ") // " + iv + ")::INTEGER AS k, " + cols + " FROM samples"
                + " WHERE tag IN (" + ids + ") AND t >= " + from + " AND t < " + to + " AND " + Codes.USABLE
                + " GROUP BY tag, k";
    }

    /**
     * Step interpolation: each sample holds until the next sample of its tag (ties broken by
     * arrival), at most {@code maxHold}, never past {@code to}; samples up to {@code maxHold} before
     * {@code from} carry their value in. Held periods of usable samples are split at bucket
     * boundaries and averaged by duration.
     */
    String timeWeighted(String ids, long from, long to, long iv) {
        String kStart = "(s - " + from + ") // " + iv;
        String kEnd = "(e - 1 - " + from + ") // " + iv;
        String piece = "(least(e, " + from + " + (k + 1) * " + iv + ") - greatest(s, " + from + " + k * " + iv + "))";
        return "WITH raw AS (SELECT tag, t, num, rowid AS r, (" + Codes.USABLE + ") AS ok FROM samples"
                + " WHERE tag IN (" + ids + ") AND t >= " + (from - holdMicros) + " AND t < " + to + "),"
                + " seg AS (SELECT tag, greatest(t, " + from + ") AS s,"
                + " least(coalesce(lead(t) OVER (PARTITION BY tag ORDER BY t, r), " + to + "), t + " + holdMicros
                + ") AS e, num, ok FROM raw),"
                + " held AS (SELECT tag, s, e, num, " + kStart + " AS k0, " + kEnd + " AS k1 FROM seg"
                + " WHERE ok AND e > s),"
                // most held periods lie inside one bucket; only the others are split with range()
                + " pieces AS (SELECT tag, k0 AS k, num, e - s AS d FROM held WHERE k0 = k1"
                + " UNION ALL SELECT tag, k, num, " + piece + " AS d FROM"
                + " (SELECT tag, s, e, num, unnest(range(k0, k1 + 1)) AS k FROM held WHERE k0 < k1))"
                + " SELECT tag, k::INTEGER, sum(num * d) / sum(d) FROM pieces GROUP BY tag, k";
    }

    private interface RowSink {
        void accept(BucketTable table, int bucket, ResultSet rs) throws SQLException;
    }

    private static void fill(Connection conn, String sql, Map<Integer, BucketTable> byId, RowSink sink)
            throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                sink.accept(byId.get(rs.getInt(1)), rs.getInt(2), rs);
            }
        }
    }
}
