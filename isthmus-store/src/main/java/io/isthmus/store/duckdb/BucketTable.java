package io.isthmus.store.duckdb;

import io.isthmus.model.TagPath;
import io.isthmus.store.Aggregate;
import io.isthmus.store.AggregateQuery;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.Bucket;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/** The buckets of one tag while an aggregate query fills them; absent values stay NaN. */
final class BucketTable {
    private final long[] count;
    private final double[] min;
    private final double[] max;
    private final double[] avg;
    private final double[] last;
    private final double[] twa;

    BucketTable(int buckets) {
        count = new long[buckets];
        min = nans(buckets);
        max = nans(buckets);
        avg = nans(buckets);
        last = nans(buckets);
        twa = nans(buckets);
    }

    /**
     * One table per asked tag in the order asked; a tag asked twice shares its table, and {@code
     * byId} receives the tables of the tags that have an id (the only ones a query fills).
     */
    static List<BucketTable> forTags(
            List<TagPath> paths, TagDirectory tags, int buckets, Map<Integer, BucketTable> byId) {
        List<BucketTable> tables = new ArrayList<>(paths.size());
        for (TagPath p : paths) {
            tables.add(tags.id(p)
                    .map(i -> byId.computeIfAbsent(i, k -> new BucketTable(buckets)))
                    .orElseGet(() -> new BucketTable(buckets)));
        }
        return tables;
    }

    /** The series of {@code q}, one per table of {@link #forTags}. */
    static List<AggregateSeries> series(AggregateQuery q, List<BucketTable> tables, BucketGrid grid) {
        List<AggregateSeries> out = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            out.add(new AggregateSeries(
                    q.tags().get(i), tables.get(i).buckets(grid.from(), grid.to(), grid.iv(), q.aggregates())));
        }
        return out;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Sets one aggregate of bucket {@code k} from result column {@code column}. */
    void set(Aggregate a, int k, ResultSet rs, int column) throws SQLException {
        switch (a) {
            case COUNT -> count[k] = rs.getLong(column);
            case MIN -> min[k] = rs.getDouble(column);
            case MAX -> max[k] = rs.getDouble(column);
            case AVG -> avg[k] = rs.getDouble(column);
            case LAST -> last[k] = rs.getDouble(column);
            case TIME_WEIGHTED_AVG -> twa[k] = rs.getDouble(column);
        }
    }

    /** Sets one aggregate of bucket {@code k}; COUNT takes the value as a whole number. */
    void put(Aggregate a, int k, double v) {
        switch (a) {
            case COUNT -> count[k] = (long) v;
            case MIN -> min[k] = v;
            case MAX -> max[k] = v;
            case AVG -> avg[k] = v;
            case LAST -> last[k] = v;
            case TIME_WEIGHTED_AVG -> twa[k] = v;
        }
    }

    /** Buckets {@code [from + k * iv, min(from + (k + 1) * iv, to))} with the requested aggregates. */
    List<Bucket> buckets(long from, long to, long iv, Set<Aggregate> wanted) {
        List<Bucket> out = new ArrayList<>(count.length);
        for (int k = 0; k < count.length; k++) {
            long start = from + k * iv;
            Instant s = Micros.instant(start);
            Instant e = Micros.instant(Math.min(start + iv, to));
            out.add(new Bucket(
                    s,
                    e,
                    wanted.contains(Aggregate.COUNT) ? OptionalLong.of(count[k]) : OptionalLong.empty(),
                    pick(wanted, Aggregate.MIN, min[k]),
                    pick(wanted, Aggregate.MAX, max[k]),
                    pick(wanted, Aggregate.AVG, avg[k]),
                    pick(wanted, Aggregate.LAST, last[k]),
                    pick(wanted, Aggregate.TIME_WEIGHTED_AVG, twa[k])));
        }
        return out;
    }

    private static OptionalDouble pick(Set<Aggregate> wanted, Aggregate a, double v) {
        return wanted.contains(a) && !Double.isNaN(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
