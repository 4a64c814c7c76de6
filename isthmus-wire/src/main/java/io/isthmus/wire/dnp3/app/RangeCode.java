package io.isthmus.wire.dnp3.app;

import java.util.Arrays;

/**
 * The range specifier code, bits 0–3 of the qualifier (IEEE 1815-2012 clause 4, object
 * headers): how the range field names the objects — start and stop indices (or virtual addresses) of 1, 2 or 4
 * octets, no range at all, or a count of 1, 2 or 4 octets.
 */
public enum RangeCode {
    START_STOP_1(0x0, 1, false),
    START_STOP_2(0x1, 2, false),
    START_STOP_4(0x2, 4, false),
    VIRTUAL_START_STOP_1(0x3, 1, false),
    VIRTUAL_START_STOP_2(0x4, 2, false),
    VIRTUAL_START_STOP_4(0x5, 4, false),
    /** No range field: all objects of the group and variation. */
    ALL(0x6, 0, false),
    COUNT_1(0x7, 1, true),
    COUNT_2(0x8, 2, true),
    COUNT_4(0x9, 4, true),
    /** A 1-octet count of variable-format objects, each with a size prefix. */
    VARIABLE_COUNT_1(0xB, 1, true),
    /** 0xA and 0xC–0xF are reserved. */
    UNKNOWN(-1, 0, false);

    private final int code;
    private final int octets;
    private final boolean count;

    RangeCode(int code, int octets, boolean count) {
        this.code = code;
        this.octets = octets;
        this.count = count;
    }

    /** The constant per range code 0x0 to 0xF (UNKNOWN for the reserved ones): a lookup, not a search. */
    private static final RangeCode[] BY_CODE = byCode();

    public static RangeCode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    private static RangeCode[] byCode() {
        RangeCode[] out = new RangeCode[16];
        Arrays.fill(out, UNKNOWN);
        for (RangeCode c : values()) {
            if (c.code >= 0) {
                out[c.code] = c;
            }
        }
        return out;
    }

    public int code() {
        return code;
    }

    /** Octets of one start, stop or count value. */
    public int octets() {
        return octets;
    }

    public boolean isCount() {
        return count;
    }

    public boolean isStartStop() {
        return !count && octets > 0;
    }
}
