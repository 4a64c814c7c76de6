package io.isthmus.wire.s7.cotp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parameters of a CR or CC variable part that matter to a sensor (ISO 8073 section 13.3.4):
 * calling and called TSAP, and the proposed or accepted TPDU size in octets.
 */
public record CotpConnectionParameters(Optional<Tsap> calling, Optional<Tsap> called, OptionalInt tpduSize) {

    public static final CotpConnectionParameters NONE =
            new CotpConnectionParameters(Optional.empty(), Optional.empty(), OptionalInt.empty());
}
