package io.isthmus.wire.s7.tpkt;

import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;

/**
 * RFC 1006 section 6 framing: each TPDU travels in a packet of version (3), reserved (0) and a
 * 16-bit big-endian length that counts the 4-octet header too. The header is the only
 * synchronisation a stream has, so it is checked octet by octet as soon as each octet arrives: a
 * prefix of a valid header is always {@link TpktRead.Incomplete}, never invalid.
 */
public final class Tpkt {

    /** Octets in the TPKT header. */
    public static final int HEADER_LENGTH = 4;

    /** The only version RFC 1006 defines. */
    public static final int VERSION = 3;

    private static final int MIN_LENGTH = 7;

    /**
     * The results for a wrong version or reserved octet, one per octet value (immutable): the S7
     * probes try every new TCP stream and resynchronisation tries every position, and most of
     * those start with something else.
     */
    private static final TpktRead.Invalid[] BAD_VERSION = invalid(TpktError.VERSION);

    private static final TpktRead.Invalid[] BAD_RESERVED = invalid(TpktError.RESERVED);

    private Tpkt() {}

    private static TpktRead.Invalid[] invalid(TpktError error) {
        TpktRead.Invalid[] results = new TpktRead.Invalid[256];
        for (int value = 0; value < results.length; value++) {
            results[value] = new TpktRead.Invalid(error, value);
        }
        return results;
    }

    /**
     * Reads the header at absolute index {@code at} with {@code available} octets present.
     *
     * @param maxLength the largest length field accepted
     */
    public static TpktRead read(ByteBuffer buffer, int at, int available, int maxLength) {
        return read(Octets.of(buffer), at, available, maxLength);
    }

    /** {@link #read(ByteBuffer, int, int, int)} on the buffer's array ({@link Octets}). */
    public static TpktRead read(byte[] b, int at, int available, int maxLength) {
        if (available >= 1 && (b[at] & 0xFF) != VERSION) {
            return BAD_VERSION[b[at] & 0xFF];
        }
        if (available >= 2 && b[at + 1] != 0) {
            return BAD_RESERVED[b[at + 1] & 0xFF];
        }
        if (available < HEADER_LENGTH) {
            return new TpktRead.Incomplete(HEADER_LENGTH - available);
        }
        int length = Octets.u16be(b, at + 2);
        if (length < MIN_LENGTH) {
            return new TpktRead.Invalid(TpktError.LENGTH_TOO_SHORT, length);
        }
        if (length > maxLength) {
            return new TpktRead.Invalid(TpktError.LENGTH_EXCEEDS_LIMIT, length);
        }
        return available < length ? new TpktRead.Incomplete(length - available) : new TpktRead.Frame(length);
    }

    /**
     * The length field of the packet at {@code at} when {@link #read(byte[], int, int, int)} would
     * return a {@link TpktRead.Frame} (a valid header and the whole packet present), else -1: the
     * same checks without the result object, for a dissector's usual case.
     */
    public static int frameLength(byte[] b, int at, int available, int maxLength) {
        if (available < HEADER_LENGTH || (b[at] & 0xFF) != VERSION || b[at + 1] != 0) {
            return -1;
        }
        int length = Octets.u16be(b, at + 2);
        return length >= MIN_LENGTH && length <= maxLength && available >= length ? length : -1;
    }

    /**
     * How many octets to drop after an invalid header to reach the next position that could start
     * a valid one (a capture that begins mid-stream, or garbage). At least 1; at most
     * {@code available}. A candidate cut off by the end of the data is kept, so a header split
     * across segments is not lost.
     */
    public static int resync(ByteBuffer buffer, int at, int available, int maxLength) {
        return resync(Octets.of(buffer), at, available, maxLength);
    }

    /** {@link #resync(ByteBuffer, int, int, int)} on the buffer's array ({@link Octets}). */
    public static int resync(byte[] b, int at, int available, int maxLength) {
        return 1 + candidate(b, at + 1, available - 1, maxLength);
    }

    /**
     * Octets from {@code at} to the first position that could start a valid header (0 when
     * {@code at} itself could), or {@code available} when none could.
     */
    public static int candidate(ByteBuffer buffer, int at, int available, int maxLength) {
        return candidate(Octets.of(buffer), at, available, maxLength);
    }

    /** {@link #candidate(ByteBuffer, int, int, int)} on the buffer's array ({@link Octets}). */
    public static int candidate(byte[] b, int at, int available, int maxLength) {
        for (int skip = 0; skip < available; skip++) {
            if (!(read(b, at + skip, available - skip, maxLength) instanceof TpktRead.Invalid)) {
                return skip;
            }
        }
        return available;
    }
}
