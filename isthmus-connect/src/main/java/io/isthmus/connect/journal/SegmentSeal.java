package io.isthmus.connect.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What a segment held when the journal closed it, so that open can take the segment from this
 * small file instead of scanning it. Written beside the segment as {@code <first id>.seal} once the
 * segment's bytes are forced; trusted at open only when it decodes, its checksum holds and it
 * still matches the segment (see {@code SegmentSeals}). All integers big-endian.
 *
 * <pre>
 * offset  size  field
 *  0      8     magic "ISTHSEAL" (ASCII)
 *  8      2     format version, 1
 * 10      8     the segment's first id (as in its header and file name)
 * 18      8     the segment header's creation time (ties the seal to that one file)
 * 26      8     the last record's id
 * 34      8     number of records
 * 42      8     segment bytes: the file's size, header included, ending with the last record
 * 50      4     offset of the last record
 * 54      4     index interval in bytes ({@link JournalConfig#indexIntervalBytes()})
 * 58      4     n, the number of index entries
 * 62      12n   index entries: id (8), offset (4); the first is the first record at offset 32
 * 62+12n  4     CRC32C of bytes 0 .. 61+12n
 * </pre>
 */
record SegmentSeal(
        long firstSequence,
        long createdMicros,
        long lastSequence,
        long records,
        long segmentBytes,
        int lastRecordOffset,
        int indexInterval,
        List<IndexEntry> index) {
    static final int FIXED_BYTES = 62 + 4;
    static final int ENTRY_BYTES = 12;
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "ISTHSEAL".getBytes(StandardCharsets.US_ASCII);

    /** One entry of the segment's sparse index. */
    record IndexEntry(long sequence, int offset) {}

    SegmentSeal {
        index = List.copyOf(index);
    }

    /** The largest seal a segment of {@code maxSegmentBytes} indexed every {@code interval} bytes has. */
    static long maxBytes(long maxSegmentBytes, int interval) {
        return FIXED_BYTES + ENTRY_BYTES * (maxSegmentBytes / interval + 1);
    }

    ByteBuffer encode() {
        ByteBuffer buf = ByteBuffer.allocate(FIXED_BYTES + ENTRY_BYTES * index.size());
        buf.put(MAGIC).putShort((short) FORMAT_VERSION);
        buf.putLong(firstSequence).putLong(createdMicros).putLong(lastSequence).putLong(records);
        buf.putLong(segmentBytes).putInt(lastRecordOffset).putInt(indexInterval).putInt(index.size());
        for (IndexEntry e : index) {
            buf.putLong(e.sequence()).putInt(e.offset());
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.flip();
    }

    /** The result of reading a seal. */
    sealed interface Decoded permits Valid, Invalid {}

    record Valid(SegmentSeal seal) implements Decoded {}

    record Invalid(SealError error) implements Decoded {}

    /**
     * Reads a seal that fills {@code bytes} exactly. Every count is checked against the bytes
     * present before anything is allocated, and the fields against each other.
     */
    static Decoded decode(byte[] bytes) {
        if (bytes.length < FIXED_BYTES) {
            return new Invalid(SealError.BAD_LENGTH);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return new Invalid(SealError.BAD_MAGIC);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (buf.getInt(bytes.length - 4) != (int) crc.getValue()) {
            return new Invalid(SealError.CHECKSUM_MISMATCH);
        }
        if (buf.getShort(8) != FORMAT_VERSION) {
            return new Invalid(SealError.UNSUPPORTED_VERSION);
        }
        long entries = Integer.toUnsignedLong(buf.getInt(58));
        if (FIXED_BYTES + ENTRY_BYTES * entries != bytes.length) {
            return new Invalid(SealError.BAD_LENGTH);
        }
        List<IndexEntry> index = new ArrayList<>((int) entries);
        for (int i = 0; i < entries; i++) {
            int at = 62 + ENTRY_BYTES * i;
            index.add(new IndexEntry(buf.getLong(at), buf.getInt(at + 8)));
        }
        var seal = new SegmentSeal(
                buf.getLong(10),
                buf.getLong(18),
                buf.getLong(26),
                buf.getLong(34),
                buf.getLong(42),
                buf.getInt(50),
                buf.getInt(54),
                index);
        return seal.consistent() ? new Valid(seal) : new Invalid(SealError.INCONSISTENT);
    }

    /**
     * True when the fields can describe a segment of at least one record: ids and offsets inside
     * the segment, the index in increasing order starting at the first record.
     */
    boolean consistent() {
        boolean fields = firstSequence >= 1
                && lastSequence >= firstSequence
                && records >= 1
                && records - 1 <= lastSequence - firstSequence
                && lastRecordOffset >= SegmentHeader.SIZE
                && segmentBytes - lastRecordOffset >= RecordFormat.OVERHEAD
                && segmentBytes <= JournalConfig.MAX_SEGMENT_BYTES
                && indexInterval > 0
                && !index.isEmpty()
                && index.getFirst().equals(new IndexEntry(firstSequence, SegmentHeader.SIZE));
        if (!fields) {
            return false;
        }
        for (int i = 1; i < index.size(); i++) {
            IndexEntry before = index.get(i - 1);
            IndexEntry e = index.get(i);
            if (e.sequence() <= before.sequence() || e.offset() <= before.offset()) {
                return false;
            }
        }
        IndexEntry lastEntry = index.getLast();
        return lastEntry.sequence() <= lastSequence && lastEntry.offset() <= lastRecordOffset;
    }
}
