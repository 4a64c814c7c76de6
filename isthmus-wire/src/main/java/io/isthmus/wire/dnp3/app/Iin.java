package io.isthmus.wire.dnp3.app;

import java.util.EnumSet;
import java.util.Set;

/**
 * Internal indication bits an outstation reports in every response (IEEE 1815-2012 clause
 * 4), keyed by bit number: IIN1.0–IIN1.7 are bits 0–7, IIN2.0–IIN2.7 are bits 8–15. All 16
 * positions are named, so there is no unknown bit.
 */
public enum Iin {
    BROADCAST(0, false),
    CLASS_1_EVENTS(1, false),
    CLASS_2_EVENTS(2, false),
    CLASS_3_EVENTS(3, false),
    NEED_TIME(4, false),
    LOCAL_CONTROL(5, false),
    DEVICE_TROUBLE(6, true),
    DEVICE_RESTART(7, false),
    NO_FUNC_CODE_SUPPORT(8, true),
    OBJECT_UNKNOWN(9, true),
    PARAMETER_ERROR(10, true),
    EVENT_BUFFER_OVERFLOW(11, true),
    ALREADY_EXECUTING(12, true),
    CONFIG_CORRUPT(13, true),
    RESERVED_2(14, true),
    RESERVED_1(15, true);

    private final int bit;
    private final boolean problem;

    Iin(int bit, boolean problem) {
        this.bit = bit;
        this.problem = problem;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final Iin[] VALUES = values();

    /** The bits set in the IIN1 and IIN2 octets, in bit order. */
    public static Set<Iin> of(int iin1, int iin2) {
        int word = (iin1 & 0xFF) | (iin2 & 0xFF) << 8;
        Set<Iin> set = EnumSet.noneOf(Iin.class);
        for (Iin i : VALUES) {
            if ((word & 1 << i.bit) != 0) {
                set.add(i);
            }
        }
        return set;
    }

    public int bit() {
        return bit;
    }

    /**
     * True for bits that report a failure or a request the outstation could not honour (the
     * IIN2 errors, device trouble, and reserved bits that must be zero); event and time bits are
     * routine.
     */
    public boolean problem() {
        return problem;
    }
}
