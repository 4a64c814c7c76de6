package io.isthmus.wire.enip.cip;

import io.isthmus.wire.Anomaly;
import java.util.List;

/** The outcome of decoding a CIP message. */
public sealed interface CipDecode {

    /** Decoded, possibly in part; {@code anomalies} says what was wrong inside. */
    record Decoded(CipMessage message, List<Anomaly> anomalies) implements CipDecode {
        public Decoded {
            anomalies = List.copyOf(anomalies);
        }
    }

    /** Not even the service code and path size (or status fields) are there. */
    record Invalid(CipError error, int offset, int value) implements CipDecode {}
}
