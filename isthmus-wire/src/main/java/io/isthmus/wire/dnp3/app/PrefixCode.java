package io.isthmus.wire.dnp3.app;

import java.util.Arrays;

/**
 * The object prefix code, bits 4–6 of the qualifier (IEEE 1815-2012 clause 4, object headers): what
 * precedes each object — nothing, its index, or its size in octets.
 */
public enum PrefixCode {
    NONE(0, 0, false),
    INDEX_1(1, 1, false),
    INDEX_2(2, 2, false),
    INDEX_4(3, 4, false),
    SIZE_1(4, 1, true),
    SIZE_2(5, 2, true),
    SIZE_4(6, 4, true),
    /** Code 7 is reserved. */
    UNKNOWN(7, 0, false);

    private final int code;
    private final int octets;
    private final boolean size;

    PrefixCode(int code, int octets, boolean size) {
        this.code = code;
        this.octets = octets;
        this.size = size;
    }

    /** The constant per prefix code 0 to 7: a lookup, not a search. */
    private static final PrefixCode[] BY_CODE = byCode();

    public static PrefixCode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    private static PrefixCode[] byCode() {
        PrefixCode[] out = new PrefixCode[8];
        Arrays.fill(out, UNKNOWN);
        for (PrefixCode c : values()) {
            if (c.code >= 0) {
                out[c.code] = c;
            }
        }
        return out;
    }

    public int code() {
        return code;
    }

    /** Octets of the prefix before each object. */
    public int octets() {
        return octets;
    }

    /** True when the prefix gives each object's size, so objects can be skipped without knowing them. */
    public boolean isSize() {
        return size;
    }

    public boolean isIndex() {
        return this == INDEX_1 || this == INDEX_2 || this == INDEX_4;
    }
}
