package io.isthmus.connect.journal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Records read in bulk into arrays that are reused from read to read: each record's envelope
 * (sequence id, type, append time) in parallel arrays, the payloads back to back in one byte array.
 *
 * <p>A {@link JournalRecord} per record costs a payload array, an {@code Instant} and the record
 * itself, and the diode sender re-encodes every field at once; it reads through a block instead
 * ({@link JournalReader#readInto}, {@link ForwardingReader#nextBatch(RecordBlock)}) and copies the
 * payload bytes straight from {@link #payloads()} into its batch body. Every record in a block passed
 * the same checks as one {@link JournalReader#next()} returns.
 *
 * <p>Not thread-safe; the arrays returned are the block's own and change with the next read.
 */
public final class RecordBlock {
    private long[] sequences;
    private byte[] types;
    private long[] appendMicros;
    private int[] payloadOffsets;
    private int[] payloadLengths;
    private byte[] payloads;
    private int size;
    private int used;

    /** An empty block sized for {@code records} records of about {@code payloadBytes} in all; it grows as needed. */
    public RecordBlock(int records, int payloadBytes) {
        if (records < 1 || payloadBytes < 0) {
            throw new IllegalArgumentException("a block for " + records + " records of " + payloadBytes + " bytes");
        }
        sequences = new long[records];
        types = new byte[records];
        appendMicros = new long[records];
        payloadOffsets = new int[records];
        payloadLengths = new int[records];
        payloads = new byte[payloadBytes];
    }

    /** A block holding copies of {@code records}, in their order. */
    public static RecordBlock of(List<JournalRecord> records) {
        long bytes = 0;
        for (JournalRecord r : records) {
            bytes += r.payload().length;
        }
        var block = new RecordBlock(Math.max(1, records.size()), Math.toIntExact(bytes));
        for (JournalRecord r : records) {
            block.add(r);
        }
        return block;
    }

    /** Empties the block; its arrays are kept for the next read. */
    public void clear() {
        size = 0;
        used = 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long sequence(int i) {
        return sequences[Objects.checkIndex(i, size)];
    }

    public RecordType type(int i) {
        return RecordType.fromCode(types[Objects.checkIndex(i, size)]).orElseThrow();
    }

    /** The record type's code ({@link RecordType#code()}), without the enum lookup. */
    public int typeCode(int i) {
        return types[Objects.checkIndex(i, size)];
    }

    /** Append time in microseconds since 1970-01-01T00:00Z, as the journal stores it. */
    public long appendMicros(int i) {
        return appendMicros[Objects.checkIndex(i, size)];
    }

    /** Where record {@code i}'s payload starts in {@link #payloads()}. */
    public int payloadOffset(int i) {
        return payloadOffsets[Objects.checkIndex(i, size)];
    }

    public int payloadLength(int i) {
        return payloadLengths[Objects.checkIndex(i, size)];
    }

    /** Every record's payload, at {@link #payloadOffset} for {@link #payloadLength} bytes; the block's own array. */
    public byte[] payloads() {
        return payloads;
    }

    /** Record {@code i} as a {@link JournalRecord} with a payload array of its own. */
    public JournalRecord record(int i) {
        int offset = payloadOffset(i);
        byte[] payload = Arrays.copyOfRange(payloads, offset, offset + payloadLengths[i]);
        return new JournalRecord(sequences[i], type(i), EpochMicros.instant(appendMicros[i]), payload);
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive) as {@link JournalRecord}s. */
    public List<JournalRecord> records(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        JournalRecord[] out = new JournalRecord[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = record(i);
        }
        return List.of(out);
    }

    /** Appends a copy of {@code r}. */
    public void add(JournalRecord r) {
        add(r.sequence(), r.type().code(), EpochMicros.micros(r.appendedAt()), r.payload(), 0, r.payload().length);
    }

    /**
     * Drops record {@code i}, keeping the others in order (its payload bytes stay in the array,
     * unreferenced, until the block is cleared).
     */
    public void remove(int i) {
        Objects.checkIndex(i, size);
        int after = size - i - 1;
        System.arraycopy(sequences, i + 1, sequences, i, after);
        System.arraycopy(types, i + 1, types, i, after);
        System.arraycopy(appendMicros, i + 1, appendMicros, i, after);
        System.arraycopy(payloadOffsets, i + 1, payloadOffsets, i, after);
        System.arraycopy(payloadLengths, i + 1, payloadLengths, i, after);
        size--;
    }

    /** Appends one record whose payload is {@code src[offset, offset + length)}; the reader's path. */
    void add(long sequence, int typeCode, long micros, byte[] src, int offset, int length) {
        if (size == sequences.length) {
            int grown = Math.max(16, size * 2);
            sequences = Arrays.copyOf(sequences, grown);
            types = Arrays.copyOf(types, grown);
            appendMicros = Arrays.copyOf(appendMicros, grown);
            payloadOffsets = Arrays.copyOf(payloadOffsets, grown);
            payloadLengths = Arrays.copyOf(payloadLengths, grown);
        }
        if (payloads.length - used < length) {
            payloads = Arrays.copyOf(payloads, Math.max(Math.addExact(used, length), payloads.length * 2));
        }
        System.arraycopy(src, offset, payloads, used, length);
        sequences[size] = sequence;
        types[size] = (byte) typeCode;
        appendMicros[size] = micros;
        payloadOffsets[size] = used;
        payloadLengths[size] = length;
        used += length;
        size++;
    }
}
