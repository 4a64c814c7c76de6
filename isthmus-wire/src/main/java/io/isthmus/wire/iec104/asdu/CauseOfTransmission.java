package io.isthmus.wire.iec104.asdu;

/**
 * The cause-of-transmission octet (IEC 60870-5-101 clause 7.2.3): T (test) bit, P/N (negative
 * confirmation) bit and the 6-bit cause. IEC 60870-5-104 always adds the originator address octet.
 */
public record CauseOfTransmission(int cause, boolean negative, boolean test) {
    public static CauseOfTransmission of(int octet) {
        return new CauseOfTransmission(octet & 0x3F, (octet & 0x40) != 0, (octet & 0x80) != 0);
    }

    public Cause kind() {
        return Cause.of(cause);
    }
}
