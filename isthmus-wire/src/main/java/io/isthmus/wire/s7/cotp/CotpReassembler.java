package io.isthmus.wire.s7.cotp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Rebuilds a TSDU that arrives in several DT TPDUs (ISO 8073 section 13.7: every DT but the last
 * has the EOT bit clear). State for one flow direction, bounded twice: at most {@code
 * maxFragments} fragments without EOT and at most {@code maxOctets} octets. Storage grows only as
 * fragment octets arrive. A TSDU that crosses a bound is reported once and then dropped up to and
 * including its final fragment, so the tail of a broken TSDU is never read as a new S7 PDU.
 */
public final class CotpReassembler {

    private static final int INITIAL_CAPACITY = 256;

    /** Storage while nothing is held: shared, so closing a TSDU read in place allocates nothing. */
    private static final byte[] NOTHING = new byte[0];

    private final int maxFragments;
    private final int maxOctets;
    private byte[] octets = NOTHING;
    private int size;
    private int fragments;
    private boolean discarding;

    public CotpReassembler(int maxFragments, int maxOctets) {
        this.maxFragments = maxFragments;
        this.maxOctets = maxOctets;
    }

    /**
     * True when no fragment octets are held and nothing is being dropped, so a final DT can be
     * read in place; the caller then calls {@link #reset()} to close the (empty) TSDU.
     */
    public boolean holdsNothing() {
        return size == 0 && !discarding;
    }

    /** Hands over one DT payload in {@code [at, at + length)} of {@code buffer}. */
    public Reassembly accept(ByteBuffer buffer, int at, int length, boolean endOfTsdu) {
        if (discarding) {
            discarding = !endOfTsdu;
            return new Reassembly.Discarded();
        }
        if (!endOfTsdu && fragments >= maxFragments) {
            return fail(CotpError.FRAGMENTS_UNTERMINATED, fragments + 1, endOfTsdu);
        }
        if ((long) size + length > maxOctets) {
            return fail(CotpError.REASSEMBLY_TOO_LARGE, size + length, endOfTsdu);
        }
        append(buffer, at, length);
        if (!endOfTsdu) {
            fragments++;
            return new Reassembly.Pending(fragments, size);
        }
        ByteBuffer tsdu = ByteBuffer.wrap(octets, 0, size);
        reset();
        return new Reassembly.Complete(tsdu);
    }

    /** Forgets any partial TSDU (a new connection, a disconnect). */
    public void reset() {
        octets = NOTHING;
        size = 0;
        fragments = 0;
        discarding = false;
    }

    private Reassembly fail(CotpError error, int value, boolean endOfTsdu) {
        reset();
        discarding = !endOfTsdu;
        return new Reassembly.Failed(error, value);
    }

    private void append(ByteBuffer buffer, int at, int length) {
        if (size + length > octets.length) {
            int capacity = Math.max(INITIAL_CAPACITY, octets.length);
            while (capacity < size + length) {
                capacity *= 2;
            }
            octets = Arrays.copyOf(octets, Math.min(capacity, maxOctets));
        }
        buffer.get(at, octets, size, length);
        size += length;
    }
}
