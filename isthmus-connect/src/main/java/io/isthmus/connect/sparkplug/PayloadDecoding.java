package io.isthmus.connect.sparkplug;

import java.util.Objects;

/** The outcome of decoding one payload: the payload, or why it was refused. */
public sealed interface PayloadDecoding {
    record Decoded(SparkplugPayload payload) implements PayloadDecoding {
        public Decoded {
            Objects.requireNonNull(payload, "payload");
        }
    }

    record Malformed(Anomaly anomaly, String reason) implements PayloadDecoding {
        public Malformed {
            Objects.requireNonNull(anomaly, "anomaly");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
