package io.isthmus.wire.dnp3;

import io.isthmus.model.AccessKind;
import java.util.Optional;

/**
 * The access kind of the last request per application sequence number (4 bits, IEEE 1815-2012
 * clause 4), so a response seen by the same dissector (DNP3 over UDP, or both directions
 * fed to one instance) is classified by the request it answers. Fixed size: 16 slots.
 */
final class RequestMemory {
    private static final int SLOTS = 16;

    private final int[] master = new int[SLOTS];
    private final int[] outstation = new int[SLOTS];
    private final AccessKind[] access = new AccessKind[SLOTS];

    void remember(int sequence, int masterAddress, int outstationAddress, AccessKind kind) {
        int slot = sequence & (SLOTS - 1);
        master[slot] = masterAddress;
        outstation[slot] = outstationAddress;
        access[slot] = kind;
    }

    /** The kind of the request with this sequence between these two stations, if one was seen. */
    Optional<AccessKind> answer(int sequence, int masterAddress, int outstationAddress) {
        int slot = sequence & (SLOTS - 1);
        AccessKind kind = access[slot];
        if (kind == null || master[slot] != masterAddress || outstation[slot] != outstationAddress) {
            return Optional.empty();
        }
        return Optional.of(kind);
    }
}
