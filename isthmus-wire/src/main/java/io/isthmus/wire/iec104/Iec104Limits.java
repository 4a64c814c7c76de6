package io.isthmus.wire.iec104;

import io.isthmus.wire.iec104.apci.ApciDecoder;

/**
 * Bounds on what an IEC 60870-5-104 peer can make the sensor wait for or accept (STYLE.md habit
 * 5). The standard already caps both through field widths; a deployment may tighten them.
 *
 * @param maxApduLength the largest APDU length octet accepted, 4..253 (clause 5: APDU of at most
 *     255 octets)
 * @param maxObjectsPerAsdu information objects per ASDU before an anomaly, 1..127 (7-bit
 *     number in the variable structure qualifier, IEC 60870-5-101 clause 7.2.2)
 */
public record Iec104Limits(int maxApduLength, int maxObjectsPerAsdu) {

    public static final Iec104Limits DEFAULT = new Iec104Limits(ApciDecoder.MAX_LENGTH, 127);

    public Iec104Limits {
        if (maxApduLength < ApciDecoder.CONTROL_OCTETS || maxApduLength > ApciDecoder.MAX_LENGTH) {
            throw new IllegalArgumentException("maxApduLength must be in [4, 253], was " + maxApduLength);
        }
        if (maxObjectsPerAsdu < 1 || maxObjectsPerAsdu > 127) {
            throw new IllegalArgumentException("maxObjectsPerAsdu must be in [1, 127], was " + maxObjectsPerAsdu);
        }
    }
}
