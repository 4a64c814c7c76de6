package io.isthmus.connect.journal;

import java.util.Arrays;

/**
 * A sparse in-memory index of one segment: the offset of a record about every {@code interval}
 * bytes, so a reader seeking a sequence id scans at most one interval. Rebuilt by the scan at open.
 */
final class SegmentIndex {
    private final int interval;
    private long[] sequences = new long[8];
    private int[] offsets = new int[8];
    private int size;

    SegmentIndex(int interval) {
        this.interval = interval;
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
