package io.isthmus.observe.timing;

/**
 * A fixed-size histogram of durations in nanoseconds with logarithmic buckets: 16 sub-buckets per
 * power of two from 1 µs to about 150 hours, so any quantile it reports is within 1/32 (3.1 %) of
 * the true value, and its memory (one {@code int[]} of {@value #BUCKETS} counts, 2.3 KiB) never grows with
 * the number of samples. The same idea as HdrHistogram at a coarser precision; written here because
 * it is forty lines and the sensor needs one per conduit.
 *
 * <p>A bucket saturates at {@code Integer.MAX_VALUE} samples (two billion, about 80 years of
 * 1 s polling); values below 1 µs count in the first bucket, values beyond the range in the last one; {@link
 * #min} and {@link #max} stay exact.
 */
public final class LogHistogram {
    static final int SUB_BITS = 4;
    static final int SUB = 1 << SUB_BITS;
    static final long UNIT_NANOS = 1_000;
    static final int MAGNITUDES = 36;
    static final int BUCKETS = MAGNITUDES * SUB;

    private final int[] counts = new int[BUCKETS];
    private long total;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /** Counts one duration; a negative one is a caller error. */
    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a duration must not be negative, got " + nanos + " ns");
        }
        int b = bucket(nanos);
        if (counts[b] < Integer.MAX_VALUE) {
            counts[b]++;
        }
        total++;
        min = Math.min(min, nanos);
        max = Math.max(max, nanos);
    }

    static int bucket(long nanos) {
        long units = nanos / UNIT_NANOS;
        if (units < SUB) {
            return (int) units;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(units) - SUB_BITS + 1;
        if (magnitude >= MAGNITUDES) {
            return BUCKETS - 1;
        }
        int sub = (int) (units >>> (magnitude - 1)) & (SUB - 1);
        return magnitude * SUB + sub;
    }

    /** The smallest duration that falls into bucket {@code b}. */
    static long lowerBound(int b) {
        int magnitude = b / SUB;
        int sub = b % SUB;
        if (magnitude == 0) {
            return sub * UNIT_NANOS;
        }
        return ((long) (SUB + sub) << (magnitude - 1)) * UNIT_NANOS;
    }

    /** The middle of bucket {@code b}, clamped to the exact min and max seen. */
    private long representative(int b) {
        long lo = lowerBound(b);
        long hi = b + 1 < BUCKETS ? lowerBound(b + 1) : lo;
        long mid = lo + (hi - lo) / 2;
        return Math.max(min, Math.min(max, mid));
    }

    /**
     * The duration below which {@code q} of the samples fall (nearest rank), or -1 without samples.
     *
     * @param q from 0 to 1, e.g. 0.99
     */
    public long quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, got " + q);
        }
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return representative(b);
            }
        }
        return max;
    }

    /**
     * About how many samples were longer than {@code nanos}: the samples of every bucket that starts
     * above it, so at most one bucket (3 %) off.
     */
    public long countAbove(long nanos) {
        long above = 0;
        for (int b = bucket(Math.max(0, nanos)) + 1; b < BUCKETS; b++) {
            above += counts[b];
        }
        return above;
    }

    public long count() {
        return total;
    }

    /** The smallest duration recorded, -1 without samples. */
    public long min() {
        return total == 0 ? -1 : min;
    }

    /** The largest duration recorded, -1 without samples. */
    public long max() {
        return total == 0 ? -1 : max;
    }
}
