package io.isthmus.wire.s7.s7comm;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Joins the data units of a long userdata answer (an SZL list that does not fit one PDU): every
 * unit but the last has "more data units follow" set, all share a data unit reference, and each
 * repeats the 4-octet data item header before its share of the payload. State for one flow
 * direction, bounded by a unit count and an octet count; storage grows only as units arrive.
 */
public final class UserdataReassembler {

    /** The outcome of handing over one data unit. */
    public sealed interface Step {
        /** Kept; more units are expected. */
        record Pending() implements Step {}

        /** The joined payload, from position 0. */
        record Complete(ByteBuffer payload) implements Step {}

        /** A limit was crossed; the answer is dropped up to its last unit. */
        record Failed(S7Error error, int value) implements Step {}

        /** A unit of an answer that was dropped, or whose start was never seen. */
        record Dropped() implements Step {}
    }

    private static final int INITIAL_CAPACITY = 256;
    private static final int NONE = -1;

    /** Storage while nothing is held: shared (never written: {@code append} grows it first). */
    private static final byte[] NOTHING = new byte[0];

    private final int maxUnits;
    private final int maxOctets;
    private byte[] octets = NOTHING;
    private int size;
    private int units;
    private int reference = NONE;
    private int droppedReference = NONE;

    public UserdataReassembler(int maxUnits, int maxOctets) {
        this.maxUnits = maxUnits;
        this.maxOctets = maxOctets;
    }

    /** True when units of the answer with this reference are held or being dropped. */
    public boolean holds(int dataUnitReference) {
        return (reference == dataUnitReference && units > 0) || droppedReference == dataUnitReference;
    }

    /**
     * Hands over the payload {@code [at, at + length)} of one answer unit.
     *
     * @param dataUnitReference the reference shared by the units of one answer (0 when alone)
     * @param more true when further units follow
     */
    public Step accept(ByteBuffer b, int at, int length, int dataUnitReference, boolean more) {
        if (dataUnitReference == droppedReference) {
            droppedReference = more ? droppedReference : NONE;
            return new Step.Dropped();
        }
        if (reference != dataUnitReference) {
            clear();
            if (!more) {
                return new Step.Dropped();
            }
            reference = dataUnitReference;
        }
        if (more && units >= maxUnits) {
            return fail(S7Error.USERDATA_FRAGMENTS_UNTERMINATED, units + 1, more);
        }
        if ((long) size + length > maxOctets) {
            return fail(S7Error.USERDATA_REASSEMBLY_TOO_LARGE, size + length, more);
        }
        append(b, at, length);
        units++;
        if (more) {
            return new Step.Pending();
        }
        ByteBuffer payload = ByteBuffer.wrap(octets, 0, size);
        clear();
        return new Step.Complete(payload);
    }

    private Step fail(S7Error error, int value, boolean more) {
        droppedReference = more ? reference : NONE;
        clear();
        return new Step.Failed(error, value);
    }

    private void clear() {
        octets = NOTHING;
        size = 0;
        units = 0;
        reference = NONE;
    }

    private void append(ByteBuffer b, int at, int length) {
        if (size + length > octets.length) {
            int capacity = Math.max(INITIAL_CAPACITY, octets.length);
            while (capacity < size + length) {
                capacity *= 2;
            }
            octets = Arrays.copyOf(octets, Math.min(capacity, maxOctets));
        }
        b.get(at, octets, size, length);
        size += length;
    }
}
