package io.isthmus.wire.dnp3;

import io.isthmus.model.AccessKind;
import java.util.Optional;

/**
 * The access kind of the last request per application sequence number (4 bits, IEEE 1815-2012
 * clause 4), so a response seen by the same dissector (DNP3 over UDP, or both directions
 * fed to one instance) is classified by the request it answers. Fixed size: 16 slots.
 *
 * <p>A flow nearly always carries one master and one outstation, so while every remembered
 * request has the same two link addresses the slots are one {@code long} of 4-bit kinds beside
 * that one pair, and nothing is allocated (perf14d: the 16-slot array per request direction was
 * 1.6 % of the dissect core's allocation, the capture has many short DNP3 flows). The first
 * request between other stations moves the slots to an array of one {@code long} per slot (both
 * addresses and the kind), as before (perf12m).
 */
final class RequestMemory {
    private static final int SLOTS = 16;
    private static final AccessKind[] KINDS = AccessKind.values();
    /** One shared {@code Optional} per kind: no allocation per answered response. */
    private static final Optional<AccessKind>[] ANSWERS = answers();

    /** The stations every slot of {@link #kinds} belongs to; meaningless while {@code kinds} is 0. */
    private long stations;
    /** Per slot (sequence), 4 bits: the kind's ordinal + 1, 0 when empty; used while {@code slots} is null. */
    private long kinds;
    /** Per slot: master address, outstation address << 16, (kind's ordinal + 1) << 32; 0 is empty. */
    private long[] slots;

    void remember(int sequence, int masterAddress, int outstationAddress, AccessKind kind) {
        int slot = sequence & (SLOTS - 1);
        long pair = stations(masterAddress, outstationAddress);
        long code = kind.ordinal() + 1L;
        if (slots == null) {
            if (kinds == 0 || pair == stations) {
                stations = pair;
                kinds = kinds & ~(0xFL << 4 * slot) | code << 4 * slot;
                return;
            }
            slots = spread();
        }
        slots[slot] = pair | code << 32;
    }

    /** The kind of the request with this sequence between these two stations, if one was seen. */
    Optional<AccessKind> answer(int sequence, int masterAddress, int outstationAddress) {
        int slot = sequence & (SLOTS - 1);
        long pair = stations(masterAddress, outstationAddress);
        if (slots == null) {
            int code = (int) (kinds >>> 4 * slot) & 0xF;
            return code == 0 || pair != stations ? Optional.empty() : ANSWERS[code - 1];
        }
        long entry = slots[slot];
        if (entry == 0 || (entry & 0xFFFF_FFFFL) != pair) {
            return Optional.empty();
        }
        return ANSWERS[(int) (entry >>> 32) - 1];
    }

    /** The slots of {@link #kinds} as one {@code long} each, for a second station pair. */
    private long[] spread() {
        long[] out = new long[SLOTS];
        for (int slot = 0; slot < SLOTS; slot++) {
            long code = kinds >>> 4 * slot & 0xF;
            if (code != 0) {
                out[slot] = stations | code << 32;
            }
        }
        return out;
    }

    /** Link addresses are 16 bits (clause 9.2.4.1.5, 9.2.4.1.6). */
    private static long stations(int masterAddress, int outstationAddress) {
        return (masterAddress & 0xFFFFL) | (outstationAddress & 0xFFFFL) << 16;
    }

    @SuppressWarnings("unchecked")
    private static Optional<AccessKind>[] answers() {
        if (KINDS.length > 15) {
            throw new IllegalStateException("a kind's code must fit 4 bits");
        }
        Optional<AccessKind>[] out = new Optional[KINDS.length];
        for (int i = 0; i < KINDS.length; i++) {
            out[i] = Optional.of(KINDS[i]);
        }
        return out;
    }
}
