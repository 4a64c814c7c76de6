package io.isthmus.app.hub;

import io.isthmus.access.audit.AuditEvent;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import io.isthmus.model.TagPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every audit record of the hub's gateway as an {@code ACCESS_DECISION} event in the hub's event
 * log (edge {@value #EDGE}), so the incident desk correlates a denied or executed change with the
 * network alerts and faults of the same PLC: the asset is the PLC the record's tag is read from
 * ({@link MachineAssets}, as the sensor names it). Denials and failures are {@code MEDIUM} (syslog
 * Warning), everything else {@code INFO}.
 */
final class AccessEvents {
    /** The edge name of the gateway's events in {@code /api/events}. */
    static final String EDGE = "gateway";

    private final MachineAssets assets;

    AccessEvents(MachineAssets assets) {
        this.assets = assets;
    }

    Event event(AuditEvent a) {
        Severity severity = switch (a.result()) {
            case DENIED, FAILURE -> Severity.MEDIUM;
            case SUCCESS, PENDING -> Severity.INFO;
        };
        String actor = actor(a.source());
        Optional<TagPath> tag = tag(a.details());
        String title = "Gateway: " + actor + " " + a.type() + " " + a.result().token()
                + tag.map(t -> " " + t).orElse("");
        List<Evidence.Fact> facts = new ArrayList<>();
        facts.add(new Evidence.Fact("actor", actor));
        facts.add(new Evidence.Fact("source", a.source()));
        facts.add(new Evidence.Fact("action", a.type()));
        facts.add(new Evidence.Fact("category", a.category().token()));
        facts.add(new Evidence.Fact("result", a.result().token()));
        facts.add(new Evidence.Fact("request", a.eventId()));
        a.details().forEach((k, v) -> facts.add(new Evidence.Fact(k, v)));
        List<AssetId> involved = tag.map(t -> List.of(assets.assetOf(t))).orElse(List.of());
        return new Event(
                a.time(),
                EventKind.ACCESS_DECISION,
                severity,
                title,
                involved,
                List.of(),
                new Evidence("access gateway " + a.category().token() + " record: " + a.type(), facts));
    }

    private static String actor(String source) {
        int at = source.lastIndexOf('@');
        return at > 0 ? source.substring(0, at) : source;
    }

    private static Optional<TagPath> tag(Map<String, String> details) {
        String t = details.get("tag");
        if (t == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TagPath.parse(t));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
