package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Attribute;
import java.util.List;

/** What a sensor reads from the data part of a userdata PDU. */
public sealed interface UserdataContent {

    /**
     * Read SZL (CPU functions, subfunction 1): the system status list id and index, and for
     * module identification (SZL 0x__11) and component identification (0x__1C) answers the
     * identity facts found in the records.
     */
    record SzlRead(int szlId, int index, List<Attribute> identity) implements UserdataContent {
        public SzlRead {
            identity = List.copyOf(identity);
        }
    }

    /** A data unit of an answer that continues in the next userdata PDU; nothing decoded yet. */
    record MoreFollows(int dataUnitReference) implements UserdataContent {}

    /** Any other userdata payload: recognised by group and subfunction, not decoded further. */
    record Opaque() implements UserdataContent {}

    /** The one {@link Opaque} value the decoders hand out (it has no fields: all are equal). */
    Opaque OPAQUE = new Opaque();
}
