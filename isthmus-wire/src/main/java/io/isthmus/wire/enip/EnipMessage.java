package io.isthmus.wire.enip;

import io.isthmus.wire.Anomaly;
import java.util.List;

/** One decoded encapsulation message: its header, what it carries, and what was wrong inside. */
public record EnipMessage(EncapsulationHeader header, EnipBody body, List<Anomaly> anomalies) {
    public EnipMessage {
        anomalies = List.copyOf(anomalies);
    }
}
