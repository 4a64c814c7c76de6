package io.isthmus.connect.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sparse in-memory index of one segment: the offset of a record about every {@code interval}
 * bytes, so a reader seeking a sequence id scans at most one interval. Rebuilt by the scan at open,
 * or read back from the segment's {@link SegmentSeal}.
 */
final class SegmentIndex {
    private final int interval;
    private long[] sequences = new long[8];
    private int[] offsets = new int[8];
    private int size;

    SegmentIndex(int interval) {
        this.interval = interval;
    }

    /** An index holding the entries of a seal, which are in id and offset order. */
    static SegmentIndex of(int interval, List<SegmentSeal.IndexEntry> entries) {
        SegmentIndex index = new SegmentIndex(interval);
        index.sequences = new long[Math.max(8, entries.size())];
        index.offsets = new int[index.sequences.length];
        for (var e : entries) {
            index.sequences[index.size] = e.sequence();
            index.offsets[index.size] = e.offset();
            index.size++;
        }
        return index;
    }

    int interval() {
        return interval;
    }

    /** The entries, in order, for a seal. */
    synchronized List<SegmentSeal.IndexEntry> entries() {
        List<SegmentSeal.IndexEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new SegmentSeal.IndexEntry(sequences[i], offsets[i]));
        }
        return entries;
    }

    synchronized void add(long sequence, int offset) {
        if (size > 0 && offset - offsets[size - 1] < interval) {
            return;
        }
        if (size == sequences.length) {
            sequences = Arrays.copyOf(sequences, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        sequences[size] = sequence;
        offsets[size] = offset;
        size++;
    }

    /** The offset of the last indexed record with an id at most {@code sequence}, else the first record's. */
    synchronized int floorOffset(long sequence) {
        int i = Arrays.binarySearch(sequences, 0, size, sequence);
        if (i >= 0) {
            return offsets[i];
        }
        int insertion = -i - 1;
        return insertion == 0 ? SegmentHeader.SIZE : offsets[insertion - 1];
    }
}
