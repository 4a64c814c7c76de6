package io.isthmus.wire.dnp3;

import io.isthmus.model.AccessKind;
import java.util.Optional;

/**
 * The access kind of the last request per application sequence number (4 bits, IEEE 1815-2012
 * clause 4), so a response seen by the same dissector (DNP3 over UDP, or both directions
 * fed to one instance) is classified by the request it answers. Fixed size: 16 slots, one
 * {@code long} each (the two 16-bit link addresses and the kind), made on the first request: a
 * dissector that only sees responses (a TCP flow's server-to-client direction) and the many
 * short-lived flows of a capture allocate nothing here (perf12m).
 */
final class RequestMemory {
    private static final int SLOTS = 16;
    private static final AccessKind[] KINDS = AccessKind.values();

    /** Per slot: master address, outstation address << 16, (kind's ordinal + 1) << 32; 0 is empty. */
    private long[] slots;

    void remember(int sequence, int masterAddress, int outstationAddress, AccessKind kind) {
        if (slots == null) {
            slots = new long[SLOTS];
        }
        slots[sequence & (SLOTS - 1)] = stations(masterAddress, outstationAddress) | (kind.ordinal() + 1L) << 32;
    }

    /** The kind of the request with this sequence between these two stations, if one was seen. */
    Optional<AccessKind> answer(int sequence, int masterAddress, int outstationAddress) {
        if (slots == null) {
            return Optional.empty();
        }
        long slot = slots[sequence & (SLOTS - 1)];
        if (slot == 0 || (slot & 0xFFFF_FFFFL) != stations(masterAddress, outstationAddress)) {
            return Optional.empty();
        }
        return Optional.of(KINDS[(int) (slot >>> 32) - 1]);
    }

    /** Link addresses are 16 bits (clause 9.2.4.1.5, 9.2.4.1.6). */
    private static long stations(int masterAddress, int outstationAddress) {
        return (masterAddress & 0xFFFFL) | (outstationAddress & 0xFFFFL) << 16;
    }
}
