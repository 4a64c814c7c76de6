package io.isthmus.wire.dnp3.app;

/**
 * The application control octet (IEEE 1815-2012 clause 4): FIR and FIN delimit a
 * multi-fragment message, CON asks for a confirm, UNS marks unsolicited traffic and the 4-bit
 * sequence pairs a response with its request.
 */
public record AppControl(boolean fir, boolean fin, boolean con, boolean uns, int sequence) {
    /** The control of the octet's low 8 bits: one shared instance per value (immutable). */
    public static AppControl of(int octet) {
        return BY_OCTET[octet & 0xFF];
    }

    private static final AppControl[] BY_OCTET = new AppControl[256];

    static {
        for (int octet = 0; octet < BY_OCTET.length; octet++) {
            BY_OCTET[octet] = new AppControl(
                    (octet & 0x80) != 0, (octet & 0x40) != 0, (octet & 0x20) != 0, (octet & 0x10) != 0, octet & 0x0F);
        }
    }
}
