package io.isthmus.wire.bacnet.apdu;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The APDU types of ASHRAE 135 clause 20.1.1, from the high nibble of the first octet. */
public enum PduType {
    CONFIRMED_REQUEST(0, "Confirmed-Request", 4),
    UNCONFIRMED_REQUEST(1, "Unconfirmed-Request", 2),
    SIMPLE_ACK(2, "SimpleACK", 3),
    COMPLEX_ACK(3, "ComplexACK", 3),
    SEGMENT_ACK(4, "SegmentACK", 4),
    ERROR(5, "Error", 3),
    REJECT(6, "Reject", 3),
    ABORT(7, "Abort", 3);

    private final int code;
    private final String specName;
    private final int fixedLength;

    PduType(int code, String specName, int fixedLength) {
        this.code = code;
        this.specName = specName;
        this.fixedLength = fixedLength;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    /** Octets of the fixed header before any segmentation fields and service parameters. */
    public int fixedLength() {
        return fixedLength;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final PduType[] VALUES = values();

    /** One shared {@code Optional} per type: no allocation per APDU. */
    private static final List<Optional<PduType>> PRESENT =
            Arrays.stream(VALUES).map(Optional::of).toList();

    /** The type for a nibble; 8 to 15 are reserved (clause 20.1.1) and give empty. */
    public static Optional<PduType> of(int nibble) {
        return nibble >= 0 && nibble < VALUES.length ? PRESENT.get(nibble) : Optional.empty();
    }
}
