package io.isthmus.wire.s7.s7commplus;

import io.isthmus.wire.Anomaly;
import java.util.List;

/** The outcome of handing one S7comm-plus frame to the decoder. */
public sealed interface S7CommPlusDecode {

    /** The first (or only) frame of a message. */
    record Decoded(S7CommPlusFrame frame, List<Anomaly> anomalies) implements S7CommPlusDecode {
        public Decoded {
            anomalies = List.copyOf(anomalies);
        }
    }

    /** A following frame of a message split over several frames; already summarised. */
    record Continuation() implements S7CommPlusDecode {}

    /** Not decodable at absolute index {@code offset}. */
    record Invalid(S7CommPlusError error, int offset, int value) implements S7CommPlusDecode {}
}
