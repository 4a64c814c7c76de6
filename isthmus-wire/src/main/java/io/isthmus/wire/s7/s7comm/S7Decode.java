package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Anomaly;
import java.util.List;

/** The outcome of decoding one S7comm PDU. */
public sealed interface S7Decode {

    /** A PDU whose function is known; {@code anomalies} lists what was wrong inside it. */
    record Decoded(S7Header header, S7Message message, List<Anomaly> anomalies) implements S7Decode {
        public Decoded {
            anomalies = List.copyOf(anomalies);
        }
    }

    /** Not decodable as S7comm at absolute index {@code offset}. */
    record Invalid(S7Error error, int offset, int value) implements S7Decode {}
}
