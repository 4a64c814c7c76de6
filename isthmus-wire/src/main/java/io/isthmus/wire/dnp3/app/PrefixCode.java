package io.isthmus.wire.dnp3.app;

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

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final PrefixCode[] VALUES = values();

    public static PrefixCode of(int code) {
        for (PrefixCode p : VALUES) {
            if (p.code == code) {
                return p;
            }
        }
        return UNKNOWN;
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
