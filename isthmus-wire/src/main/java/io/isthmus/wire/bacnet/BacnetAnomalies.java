package io.isthmus.wire.bacnet;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.bacnet.encoding.DecodeFailure;

/** BACnet anomaly codes, stable for detection rules. */
final class BacnetAnomalies {
    private BacnetAnomalies() {}

    /** A failure while reading one layer: {@code bacnet_<layer>_<problem>}. */
    static Anomaly of(String layer, DecodeFailure failure) {
        String problem = switch (failure.problem()) {
            case BEYOND_END -> "truncated";
            case OVER_LIMIT -> "over_limit";
            case INVALID_VALUE -> "invalid";
        };
        return new Anomaly("bacnet_" + layer + "_" + problem, failure.detail());
    }

    static Anomaly datagramTooShort(int octets) {
        return new Anomaly("bacnet_bvlc_truncated", "a BVLL needs 4 octets, the datagram has " + octets);
    }

    static Anomaly lengthBelowHeader(int length) {
        return new Anomaly("bacnet_bvlc_length_invalid", "BVLC Length " + length + " is below the 4-octet header");
    }

    static Anomaly lengthBeyondDatagram(int length, int datagram) {
        return new Anomaly(
                "bacnet_bvlc_length_exceeds_datagram",
                "BVLC Length " + length + " but the datagram has " + datagram + " octets");
    }

    static Anomaly lengthShortOfDatagram(int length, int datagram) {
        return new Anomaly(
                "bacnet_bvlc_length_mismatch",
                "BVLC Length " + length + " but the datagram has " + datagram + " octets; the rest is ignored");
    }

    static Anomaly reservedBits() {
        return new Anomaly("bacnet_npdu_reserved_bits", "NPDU control bit 6 or 4 is set (clause 6.2.2)");
    }

    static Anomaly parameters(String what) {
        return new Anomaly("bacnet_service_parameters_unexpected", what);
    }

    static Anomaly empty() {
        return new Anomaly("bacnet_npdu_missing", "the BVLC function carries an NPDU but none follows");
    }
}
