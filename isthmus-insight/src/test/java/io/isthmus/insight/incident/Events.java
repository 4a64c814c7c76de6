package io.isthmus.insight.incident;

import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Events as the sensor and the hub's fault watcher raise them, for the incident tests. */
final class Events {
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    static final AssetId CONVEYOR_PLC = new AssetId("ip:10.1.1.20");
    static final AssetId FILLER_PLC = new AssetId("ip:10.1.1.21");
    static final AssetId LAPTOP = new AssetId("ip:10.9.0.66");
    private static final AtomicLong SEQ = new AtomicLong();

    private Events() {}

    static Occurrence alert(int atSeconds, AssetId target, String technique, Severity severity) {
        return alert(atSeconds, target, technique, severity, "enterprise -> cell");
    }

    static Occurrence alert(int atSeconds, AssetId target, String technique, Severity severity, String zones) {
        return alertFrom(atSeconds, target, LAPTOP, technique, severity, zones);
    }

    static Occurrence alertFrom(
            int atSeconds, AssetId target, AssetId source, String technique, Severity severity, String zones) {
        Event e = new Event(
                T0.plusSeconds(atSeconds),
                EventKind.NETWORK_ALERT,
                severity,
                "Write Single Coil from " + source + " to " + target,
                List.of(target, source),
                List.of(AttackIcs.bundled().technique(technique)),
                Evidence.of("stop coil written").with("zone_path", zones));
        return new Occurrence("sensor", SEQ.incrementAndGet(), e);
    }

    static Occurrence fault(int atSeconds, AssetId plc, String faultClass, Severity severity) {
        Event e = new Event(
                T0.plusSeconds(atSeconds),
                EventKind.MACHINE_FAULT,
                severity,
                "conveyor fault 201 bottle jam",
                List.of(plc),
                List.of(),
                Evidence.of("faultCode went from 0 to 201")
                        .with("fault_code", "201")
                        .with("fault_class", faultClass));
        return new Occurrence("hub", SEQ.incrementAndGet(), e);
    }

    static Occurrence of(int atSeconds, EventKind kind, AssetId asset, Severity severity) {
        Event e = new Event(
                T0.plusSeconds(atSeconds),
                kind,
                severity,
                kind + " event",
                List.of(asset),
                List.of(),
                Evidence.of("x"));
        return new Occurrence("edge", SEQ.incrementAndGet(), e);
    }
}
