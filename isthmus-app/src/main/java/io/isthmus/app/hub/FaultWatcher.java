package io.isthmus.app.hub;

import io.isthmus.insight.incident.FaultCatalog;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.Severity;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns machines' fault codes into events at the hub: it watches the live values (what edges
 * deliver, newest per tag) for each machine's {@code faultCode} point; a change to a non-zero code
 * raises a {@code MACHINE_FAULT} event for the machine's PLC asset (see {@link MachineAssets}) with
 * the fault class ({@link FaultCatalog#VIRTUAL_FACTORY}), a change back to 0 an informational "cleared" event.
 * The codes known when the hub starts (from the historian) are the starting point, so a restart
 * raises nothing twice. Events carry the sample's source time, which correlation compares with the
 * sensor's alerts.
 */
final class FaultWatcher implements Consumer<List<Sample>> {
    /** The edge name of events the hub raises itself. */
    static final String ORIGIN = "hub";

    static final String FAULT_CODE = "faultCode";
    static final String STATE = "state";

    private final MachineAssets assets;
    private final Consumer<EventLog.Received> sink;
    private final AtomicLong sequence;
    private final Map<String, Integer> codes = new ConcurrentHashMap<>();
    private final Map<String, Integer> states = new ConcurrentHashMap<>();

    FaultWatcher(MachineAssets assets, Collection<Sample> known, long lastSequence, Consumer<EventLog.Received> sink) {
        this.assets = assets;
        this.sink = sink;
        this.sequence = new AtomicLong(lastSequence);
        for (Sample s : known) {
            code(s).ifPresent(c -> codes.put(s.path().equipmentPath(), c));
        }
    }

    @Override
    public void accept(List<Sample> batch) {
        for (Sample s : batch) {
            if (s.path().point().equals(STATE)) {
                code(s).ifPresent(c -> states.put(s.path().equipmentPath(), c));
            }
        }
        for (Sample s : batch) {
            if (s.path().point().equals(FAULT_CODE)) {
                code(s).ifPresent(c -> changed(s, c));
            }
        }
    }

    private static Optional<Integer> code(Sample s) {
        if (s.quality() != Quality.GOOD
                || !(s.path().point().equals(FAULT_CODE) || s.path().point().equals(STATE))) {
            return Optional.empty();
        }
        return switch (s.value()) {
            case Value.Int i -> Optional.of((int) i.value());
            case Value.Real r -> Optional.of((int) r.value());
            case Value.Bool b -> Optional.empty();
            case Value.Text t -> Optional.empty();
        };
    }

    private void changed(Sample s, int code) {
        Integer before = codes.put(s.path().equipmentPath(), code);
        int previous = before == null ? 0 : before;
        if (previous == code) {
            return;
        }
        Event e = code != 0 ? fault(s.path(), previous, code, s) : cleared(s.path(), previous, s);
        sink.accept(new EventLog.Received(ORIGIN, sequence.incrementAndGet(), e));
    }

    private Event fault(TagPath tag, int previous, int code, Sample s) {
        Optional<FaultCatalog.Fault> known = FaultCatalog.VIRTUAL_FACTORY.fault(code);
        String faultClass = known.map(FaultCatalog.Fault::faultClass).orElse("unknown");
        String meaning = known.map(FaultCatalog.Fault::meaning).orElse("unknown fault code");
        Evidence evidence = evidence(
                tag,
                tag.equipment() + " reports fault " + code + " (" + meaning + "), was " + previous,
                previous,
                code);
        return new Event(
                s.sourceTime(),
                EventKind.MACHINE_FAULT,
                FaultCatalog.severity(faultClass),
                tag.equipment() + " fault " + code + ": " + meaning + " (" + faultClass + ")",
                List.of(assets.assetOf(tag)),
                List.of(),
                evidence.with("fault_class", faultClass).with("meaning", meaning));
    }

    private Event cleared(TagPath tag, int previous, Sample s) {
        return new Event(
                s.sourceTime(),
                EventKind.MACHINE_FAULT,
                Severity.INFO,
                tag.equipment() + " fault " + previous + " cleared",
                List.of(assets.assetOf(tag)),
                List.of(),
                evidence(tag, tag.equipment() + " reports no fault any more (was " + previous + ")", previous, 0));
    }

    private Evidence evidence(TagPath tag, String summary, int previous, int code) {
        AssetId plc = assets.assetOf(tag);
        Evidence e = Evidence.of(summary)
                .with("machine", tag.equipmentPath())
                .with("tag", tag.toString())
                .with("fault_code", Integer.toString(code))
                .with("previous_code", Integer.toString(previous))
                .with("plc", plc.value());
        Optional<String> endpoint = assets.endpointOf(tag);
        if (endpoint.isPresent()) {
            e = e.with("endpoint", endpoint.get());
        }
        Integer state = states.get(tag.equipmentPath());
        return state == null ? e : e.with("state", Integer.toString(state));
    }
}
