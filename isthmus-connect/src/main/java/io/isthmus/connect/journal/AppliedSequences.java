package io.isthmus.connect.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The journal ids a sink has applied: every id up to {@link #contiguousThrough()}, plus a few
 * ranges above it. Delivered in id order (a plain {@link JournalReader}) there are never ranges
 * above, and this is just "the highest applied id"; a {@link ForwardingReader} sends live records
 * ahead of the backlog, and those wait above until the backlog catches up.
 *
 * <p>A sink stores this value in the same transaction as the data it applies.
 *
 * @param above disjoint, sorted, non-adjacent ranges, all above {@code contiguousThrough + 1}
 */
public record AppliedSequences(long contiguousThrough, List<SequenceRange> above) {
    public static final AppliedSequences NONE = new AppliedSequences(0, List.of());

    public AppliedSequences {
        if (contiguousThrough < 0) {
            throw new IllegalArgumentException("contiguousThrough " + contiguousThrough + " is negative");
        }
        above = List.copyOf(above);
        long floor = contiguousThrough + 1;
        for (SequenceRange r : above) {
            if (r.first() <= floor) {
                throw new IllegalArgumentException("range " + r + " must start above " + floor
                        + " (ranges are sorted, disjoint and not adjacent to what precedes them)");
            }
            floor = r.last() + 1;
        }
    }

    public boolean contains(long sequence) {
        return sequence <= contiguousThrough || above.stream().anyMatch(r -> r.contains(sequence));
    }

    /** The highest applied id, 0 if none. */
    public long highest() {
        return above.isEmpty() ? contiguousThrough : above.getLast().last();
    }

    /** This set plus {@code sequence}. */
    public AppliedSequences with(long sequence) {
        if (contains(sequence)) {
            return this;
        }
        List<SequenceRange> ranges = new ArrayList<>(above);
        int i = 0;
        while (i < ranges.size() && ranges.get(i).last() < sequence) {
            i++;
        }
        ranges.add(i, SequenceRange.of(sequence));
        return normalized(contiguousThrough, ranges);
    }

    /**
     * This set with every id up to {@code through} applied: the reader vouches that nothing at or
     * below it remains to be delivered (delivered earlier, deleted, or never issued).
     */
    public AppliedSequences settledThrough(long through) {
        return through <= contiguousThrough ? this : normalized(through, above);
    }

    /** Merges adjacent ranges and folds into the contiguous prefix what touches it. */
    private static AppliedSequences normalized(long contiguous, List<SequenceRange> ranges) {
        long through = contiguous;
        List<SequenceRange> merged = new ArrayList<>();
        for (SequenceRange r : ranges) {
            if (r.last() <= through) {
                continue;
            }
            if (r.first() <= through + 1) {
                through = r.last();
                continue;
            }
            if (!merged.isEmpty() && merged.getLast().last() + 1 >= r.first()) {
                var last = merged.removeLast();
                merged.add(new SequenceRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        long floor = through;
        return new AppliedSequences(
                through, merged.stream().filter(r -> r.last() > floor).toList());
    }

    @Override
    public String toString() {
        return "applied ..=" + contiguousThrough + (above.isEmpty() ? "" : " and " + above);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppliedSequences a && a.contiguousThrough == contiguousThrough && a.above.equals(above);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contiguousThrough, above);
    }
}
