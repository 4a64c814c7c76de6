package io.isthmus.wire.dnp3.transport;

/**
 * The one-octet transport header that starts every link frame's user data (IEEE 1815-2012 clause
 * 8): FIN marks the last segment of an application fragment, FIR the first, and the 6-bit
 * sequence number counts segments modulo 64.
 */
public record TransportHeader(boolean fin, boolean fir, int sequence) {
    /** Sequence numbers wrap after 63. */
    public static final int SEQUENCE_MODULO = 64;

    public TransportHeader {
        if (sequence < 0 || sequence >= SEQUENCE_MODULO) {
            throw new IllegalArgumentException("transport sequence is 6 bits, was " + sequence);
        }
    }

    /** The header of the octet's low 8 bits: one shared instance per value (immutable). */
    public static TransportHeader of(int octet) {
        return BY_OCTET[octet & 0xFF];
    }

    private static final TransportHeader[] BY_OCTET = new TransportHeader[256];

    static {
        for (int octet = 0; octet < BY_OCTET.length; octet++) {
            BY_OCTET[octet] = new TransportHeader((octet & 0x80) != 0, (octet & 0x40) != 0, octet & 0x3F);
        }
    }

    /** The sequence number the next segment of the same fragment must carry. */
    public int nextSequence() {
        return (sequence + 1) % SEQUENCE_MODULO;
    }
}
