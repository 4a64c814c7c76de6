package io.isthmus.wire.bacnet.encoding;

import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads big-endian octets (ASHRAE 135 clause 6.2 and 20.1 order multi-octet fields most
 * significant first) from a window of a datagram, without moving the buffer. The first read that
 * does not fit records a {@link DecodeFailure}; later reads return zero, so a decoder reads a
 * structure straight through and checks {@link #failure()} once.
 *
 * <p>Reads the buffer's array at the buffer's indexes ({@link Octets}: in place for the heap
 * buffers {@code analyze} hands in, a copy for any other kind); every read is checked against the
 * window first, as it was on the buffer.
 */
public final class OctetReader {
    private ByteBuffer buffer;
    private byte[] b;
    private int start;
    private int end;
    private int position;
    private DecodeFailure failure;

    /** Reads {@code buffer[start, end)}; failure offsets are relative to {@code start}. */
    public OctetReader(ByteBuffer buffer, int start, int end) {
        reset(buffer, start, end);
    }

    /**
     * Reads {@code buffer[start, end)} from now on, exactly as a new reader would (no failure, at
     * {@code start}): a dissector reuses one reader for the layers of a datagram, one thread at a
     * time, instead of a reader per layer and datagram.
     */
    public OctetReader reset(ByteBuffer buffer, int start, int end) {
        this.buffer = buffer;
        this.b = Octets.of(buffer);
        this.start = start;
        this.end = end;
        this.position = start;
        this.failure = null;
        return this;
    }

    /** Absolute index of the next octet in the buffer. */
    public int index() {
        return position;
    }

    /** Octets left in the window (0 after a failure). */
    public int remaining() {
        return failure == null ? end - position : 0;
    }

    public int end() {
        return end;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    /** The buffer's octets at the buffer's indexes ({@link Octets#of}); read only inside the window. */
    public byte[] octets() {
        return b;
    }

    public Optional<DecodeFailure> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean failed() {
        return failure != null;
    }

    public int u8(String field) {
        return has(1, field) ? b[position++] & 0xFF : 0;
    }

    public int u16(String field) {
        if (!has(2, field)) {
            return 0;
        }
        int v = Octets.u16be(b, position);
        position += 2;
        return v;
    }

    /** An unsigned big-endian value of {@code length} octets (at most 8). */
    public long unsigned(int length, String field) {
        if (length > 8) {
            fail(DecodeFailure.Problem.OVER_LIMIT, field, length, 8);
            return 0;
        }
        if (!has(length, field)) {
            return 0;
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = v << 8 | b[position + i] & 0xFF;
        }
        position += length;
        return v;
    }

    public void skip(int count, String field) {
        if (has(count, field)) {
            position += count;
        }
    }

    /**
     * {@link #skip} of tag {@code tagNumber}'s content: the same checks, the field's name ({@code
     * tag N content}) made only when the octets are not there, not once per tag (perf12m).
     */
    public void skipContent(int count, int tagNumber) {
        if (failure == null && count >= 0 && count <= end - position) {
            position += count;
        } else {
            skip(count, "tag " + tagNumber + " content");
        }
    }

    /** Copies {@code count} octets (the caller has bounded the count). */
    public byte[] bytes(int count, String field) {
        if (!has(count, field)) {
            return new byte[0];
        }
        byte[] out = new byte[count];
        System.arraycopy(b, position, out, 0, count);
        position += count;
        return out;
    }

    /** {@code count} octets as lower-case hex without a copy of them ({@code ""} after a failure). */
    public String hex(int count, String field) {
        if (!has(count, field)) {
            return "";
        }
        String hex =
                count == 1 ? ONE_OCTET[b[position] & 0xFF] : HexFormat.of().formatHex(b, position, position + count);
        position += count;
        return hex;
    }

    /**
     * {@link #hex} as a present {@code Optional}: one shared instance per one-octet value, so a
     * routed datagram's one-octet DADR and SADR (the usual MS/TP MAC addresses) make no object.
     */
    public Optional<String> presentHex(int count, String field) {
        if (count == 1 && has(1, field)) {
            return ONE_OCTET_PRESENT[b[position++] & 0xFF];
        }
        return Optional.of(hex(count, field));
    }

    /**
     * The hex of each octet value, made once: most addresses a routed datagram names (DADR, SADR)
     * are one-octet MS/TP MAC addresses, one string per datagram each before.
     */
    private static final String[] ONE_OCTET = new String[256];

    /** {@link #ONE_OCTET}'s strings, each in its {@code Optional}. */
    @SuppressWarnings("unchecked")
    private static final Optional<String>[] ONE_OCTET_PRESENT = new Optional[256];

    static {
        for (int v = 0; v < ONE_OCTET.length; v++) {
            ONE_OCTET[v] = HexFormat.of().toHexDigits((byte) v);
            ONE_OCTET_PRESENT[v] = Optional.of(ONE_OCTET[v]);
        }
    }

    /** Records a value the field may not take. */
    public void invalid(String field, long value) {
        fail(DecodeFailure.Problem.INVALID_VALUE, field, value, 0);
    }

    /** Records a length over its limit. */
    public void overLimit(String field, long value, long limit) {
        fail(DecodeFailure.Problem.OVER_LIMIT, field, value, limit);
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

    private void fail(DecodeFailure.Problem problem, String field, long value, long bound) {
        if (failure == null) {
            failure = new DecodeFailure(problem, field, position - start, value, bound);
        }
    }
}
