package io.isthmus.connect.journal;

import java.nio.ByteBuffer;

/** Builds segment images in memory for scanner tests. */
final class SegmentBytes {
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private final long first;
    private long next;

    SegmentBytes(long firstSequence) {
        this.first = firstSequence;
        this.next = firstSequence;
        buf.put(new SegmentHeader(firstSequence, 0).encode());
    }

    /** Appends a record with the next id and returns its offset. */
    int record(String payload) {
        int offset = buf.position();
        RecordFormat.encode(buf, next++, RecordType.OPAQUE, 0, payload.getBytes());
        return offset;
    }

    int recordWithSequence(long sequence, String payload) {
        int offset = buf.position();
        RecordFormat.encode(buf, sequence, RecordType.OPAQUE, 0, payload.getBytes());
        return offset;
    }

    void raw(byte... bytes) {
        buf.put(bytes);
    }

    int size() {
        return buf.position();
    }

    long firstSequence() {
        return first;
    }

    byte[] toArray() {
        byte[] out = new byte[buf.position()];
        buf.get(0, out);
        return out;
    }
}
