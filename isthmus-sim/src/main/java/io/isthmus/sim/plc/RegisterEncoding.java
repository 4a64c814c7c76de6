package io.isthmus.sim.plc;

/**
 * How a point is laid out in its table. 32-bit values use two registers, high word first (the
 * "big-endian word order" most PLCs and mbpoll's defaults assume).
 */
public enum RegisterEncoding {
    BIT(1),
    UINT16(1),
    INT16(1),
    UINT32(2);

    private final int words;

    RegisterEncoding(int words) {
        this.words = words;
    }

    /** Registers (or bits) the point occupies. */
    public int width() {
        return words;
    }
}
