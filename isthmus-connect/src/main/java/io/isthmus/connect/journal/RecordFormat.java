package io.isthmus.connect.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The byte layout of one record inside a segment (format version 1). All integers big-endian.
 *
 * <pre>
 * offset  size  field
 *  0      4     payload length L, unsigned, at most the configured maximum record size
 *  4      8     sequence id, strictly increasing across the whole journal
 * 12      1     record type code ({@link RecordType#code()})
 * 13      8     append time, microseconds since 1970-01-01T00:00Z
 * 21      L     payload
 * 21+L    4     CRC32C (Castagnoli, RFC 3720 appendix B.4) of bytes 0 .. 21+L-1
 * </pre>
 *
 * <p>The checksum covers the length and the envelope, so a flipped bit anywhere is caught; a torn
 * write shows as a record whose declared end lies past the end of the file.
 */
final class RecordFormat {
    static final int HEADER_BYTES = 21;
    static final int TRAILER_BYTES = 4;
    static final int OVERHEAD = HEADER_BYTES + TRAILER_BYTES;

    private RecordFormat() {}

    /** Bytes one record with this payload length takes on disk. */
    static int size(int payloadLength) {
        return OVERHEAD + payloadLength;
    }

    /** Writes one record at the buffer's position and advances it. */
    static void encode(ByteBuffer dst, long sequence, RecordType type, long appendMicros, byte[] payload) {
        int start = dst.position();
        dst.putInt(payload.length).putLong(sequence).put((byte) type.code()).putLong(appendMicros);
        dst.put(payload);
        CRC32C crc = new CRC32C();
        crc.update(dst.slice(start, HEADER_BYTES + payload.length));
        dst.putInt((int) crc.getValue());
    }

    /** The result of looking for a record at an offset. */
    sealed interface Decoded permits Frame, Truncated, Invalid {}

    /** A valid record; the payload stays in the buffer it was found in. */
    record Frame(long sequence, RecordType type, long appendMicros, int offset, int payloadLength) implements Decoded {
        int size() {
            return OVERHEAD + payloadLength;
        }

        int payloadOffset() {
            return offset + HEADER_BYTES;
        }
    }

    /** The bytes end before the record; {@code required} bytes from its start would be needed. */
    record Truncated(long required) implements Decoded {}

    record Invalid(FrameError error) implements Decoded {}

    /**
     * Looks for a record at {@code offset}, reading no byte at or past {@code limit}. Absolute reads
     * only: the buffer's position and limit are left alone.
     */
    static Decoded decode(ByteBuffer buf, int offset, int limit, int maxPayload) {
        return decode(buf, offset, limit, maxPayload, new CRC32C());
    }

    /**
     * {@link #decode(ByteBuffer, int, int, int)} with a checksum object the caller reuses (it is reset
     * here); a heap buffer's bytes are checksummed in its array, without a view per record.
     */
    static Decoded decode(ByteBuffer buf, int offset, int limit, int maxPayload, CRC32C crc) {
        int available = limit - offset;
        if (available < HEADER_BYTES) {
            return new Truncated(HEADER_BYTES);
        }
        long length = Integer.toUnsignedLong(buf.getInt(offset));
        if (length > maxPayload) {
            return new Invalid(FrameError.LENGTH_EXCEEDS_LIMIT);
        }
        int payloadLength = (int) length;
        if (available < size(payloadLength)) {
            return new Truncated(size(payloadLength));
        }
        crc.reset();
        if (buf.hasArray()) {
            crc.update(buf.array(), buf.arrayOffset() + offset, HEADER_BYTES + payloadLength);
        } else {
            crc.update(buf.slice(offset, HEADER_BYTES + payloadLength));
        }
        if (buf.getInt(offset + HEADER_BYTES + payloadLength) != (int) crc.getValue()) {
            return new Invalid(FrameError.CHECKSUM_MISMATCH);
        }
        var type = RecordType.fromCode(Byte.toUnsignedInt(buf.get(offset + 12)));
        if (type.isEmpty()) {
            return new Invalid(FrameError.UNKNOWN_TYPE);
        }
        return new Frame(buf.getLong(offset + 4), type.get(), buf.getLong(offset + 13), offset, payloadLength);
    }
}
