package io.isthmus.connect.journal;

/** A closed range of journal sequence ids, {@code first <= last}, both at least 1. */
public record SequenceRange(long first, long last) {
    public SequenceRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException(
                    "sequence range " + first + ".." + last + " must satisfy 1 <= first <= last");
        }
    }

    public static SequenceRange of(long sequence) {
        return new SequenceRange(sequence, sequence);
    }

    /** The number of ids in the range (not necessarily the number of records: ids are not dense). */
    public long size() {
        return last - first + 1;
    }

    public boolean contains(long sequence) {
        return sequence >= first && sequence <= last;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + ".." + last;
    }
}
