package io.isthmus.connect.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The fixed 32-byte header at the start of every segment file. All integers big-endian.
 *
 * <pre>
 * offset  size  field
 *  0      8     magic "ISTHJRNL" (ASCII)
 *  8      2     format version, 1
 * 10      2     header size in bytes, 32 (records start here)
 * 12      8     sequence id of the segment's first record
 * 20      8     creation time, microseconds since 1970-01-01T00:00Z
 * 28      4     CRC32C of bytes 0 .. 27
 * </pre>
 */
record SegmentHeader(long firstSequence, long createdMicros) {
    static final int SIZE = 32;
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "ISTHJRNL".getBytes(StandardCharsets.US_ASCII);

    ByteBuffer encode() {
        ByteBuffer buf = ByteBuffer.allocate(SIZE);
        buf.put(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) SIZE);
        buf.putLong(firstSequence).putLong(createdMicros);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, SIZE - 4);
        buf.putInt((int) crc.getValue());
        return buf.flip();
    }

    /** The result of reading a header. */
    sealed interface Decoded permits Valid, Invalid {}

    record Valid(SegmentHeader header) implements Decoded {}

    record Invalid(HeaderError error) implements Decoded {}

    /** Reads the header at the start of {@code buf} (absolute reads, at most {@code limit} bytes). */
    static Decoded decode(ByteBuffer buf, int limit) {
        if (limit < SIZE) {
            return new Invalid(HeaderError.TRUNCATED);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (buf.get(i) != MAGIC[i]) {
                return new Invalid(HeaderError.BAD_MAGIC);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.slice(0, SIZE - 4));
        if (buf.getInt(SIZE - 4) != (int) crc.getValue()) {
            return new Invalid(HeaderError.CHECKSUM_MISMATCH);
        }
        if (buf.getShort(8) != FORMAT_VERSION || buf.getShort(10) != SIZE) {
            return new Invalid(HeaderError.UNSUPPORTED_VERSION);
        }
        return new Valid(new SegmentHeader(buf.getLong(12), buf.getLong(20)));
    }
}
