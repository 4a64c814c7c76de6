package io.isthmus.wire.opcua.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads OPC UA Binary built-in types (IEC 62541-6 §5.2.2: little-endian integers, Int32-length
 * prefixed String and ByteString) from a window of a buffer, without moving the buffer.
 *
 * <p>The first read that does not fit records a {@link DecodeFailure} and every later read
 * returns zero, so a decoder reads a whole structure straight through and checks {@link
 * #failure()} once at the end. Lengths are checked against the window before anything is
 * allocated, and strings against the caller's limit.
 */
public final class UaBinaryReader {
    private final ByteBuffer buffer;
    private final int start;
    private final int end;
    private int position;
    private DecodeFailure failure;

    /** Reads {@code buffer[start, end)}; offsets in failures are relative to {@code start}. */
    public UaBinaryReader(ByteBuffer buffer, int start, int end) {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
        this.position = start;
    }

    /** Bytes read so far, relative to the window's start. */
    public int offset() {
        return position - start;
    }

    public int remaining() {
        return failure == null ? end - position : 0;
    }

    public Optional<DecodeFailure> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean failed() {
        return failure != null;
    }

    public int u8(String field) {
        if (!has(1, field)) {
            return 0;
        }
        return buffer.get(position++) & 0xFF;
    }

    public int u16(String field) {
        if (!has(2, field)) {
            return 0;
        }
        int v = (buffer.get(position) & 0xFF) | (buffer.get(position + 1) & 0xFF) << 8;
        position += 2;
        return v;
    }

    public long u32(String field) {
        if (!has(4, field)) {
            return 0;
        }
        long v = (buffer.get(position) & 0xFFL)
                | (buffer.get(position + 1) & 0xFFL) << 8
                | (buffer.get(position + 2) & 0xFFL) << 16
                | (buffer.get(position + 3) & 0xFFL) << 24;
        position += 4;
        return v;
    }

    /** Int32 as the spec's signed length fields use it. */
    public int i32(String field) {
        return (int) u32(field);
    }

    public void skip(int count, String field) {
        if (has(count, field)) {
            position += count;
        }
    }

    /**
     * The Int32 length of a String or ByteString (§5.2.2.4, §5.2.2.7): -1 is null and reads as 0;
     * other negative values, values over {@code maxBytes} and values beyond the window fail.
     */
    public int length(String field, int maxBytes) {
        int length = i32(field);
        if (failure != null) {
            return 0;
        }
        if (length == -1) {
            return 0;
        }
        if (length < -1) {
            return fail(DecodeFailure.Problem.NEGATIVE_LENGTH, field, length, -1);
        }
        if (length > maxBytes) {
            return fail(DecodeFailure.Problem.OVER_LIMIT, field, length, maxBytes);
        }
        if (length > end - position) {
            return fail(DecodeFailure.Problem.BEYOND_END, field, length, end - position);
        }
        return length;
    }

    /** A String (§5.2.2.4), null read as empty, control characters escaped for display. */
    public String string(String field, int maxBytes) {
        int length = length(field, maxBytes);
        if (failure != null || length == 0) {
            return "";
        }
        byte[] bytes = new byte[length];
        buffer.get(position, bytes);
        position += length;
        return Printable.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Skips a ByteString or String (§5.2.2.7) and returns its length (0 for null). */
    public int skipBytes(String field, int maxBytes) {
        int length = length(field, maxBytes);
        if (failure == null) {
            position += length;
        }
        return length;
    }

    /** Records that {@code field} holds a value the encoding does not define. */
    public void invalid(String field, long value) {
        if (failure == null) {
            fail(DecodeFailure.Problem.INVALID_VALUE, field, value, 0);
        }
    }

    private boolean has(int count, String field) {
        if (failure != null) {
            return false;
        }
        if (count < 0 || count > end - position) {
            fail(DecodeFailure.Problem.BEYOND_END, field, count, end - position);
            return false;
        }
        return true;
    }

    private int fail(DecodeFailure.Problem problem, String field, long value, long bound) {
        failure = new DecodeFailure(problem, field, position - start, value, bound);
        return 0;
    }
}
