package io.isthmus.insight.incident;

import io.isthmus.insight.incident.IncidentChange.Assigned;
import io.isthmus.insight.incident.IncidentChange.Attached;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One incident while it lives in {@link Incidents}; guarded by the store's lock. */
final class IncidentState {
    /** The evidence fact of a machine fault that names its class ({@code material}). */
    static final String FAULT_CLASS = "fault_class";
    /** The evidence fact of a network alert that names its zones ({@code enterprise -> cell}). */
    static final String ZONE_PATH = "zone_path";

    final String id;
    private final IncidentLimits limits;
    final Instant opened;
    IncidentStatus status = IncidentStatus.OPEN;
    Severity severity;
    Optional<String> assignee = Optional.empty();
    Instant updated;
    Instant resolvedAt;
    long eventCount;
    final List<Occurrence> events = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<Transition> history = new ArrayList<>();
    private final Set<AssetId> assets = new LinkedHashSet<>();
    private final Set<String> techniques = new LinkedHashSet<>();
    private final Set<String> faultClasses = new LinkedHashSet<>();
    private final Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);

    IncidentState(String id, Occurrence first, IncidentLimits limits) {
        this.id = id;
        this.limits = limits;
        this.opened = first.event().time();
        this.updated = opened;
        this.severity = first.event().severity();
        add(first);
    }

    private void add(Occurrence o) {
        Event e = o.event();
        eventCount++;
        if (events.size() < limits.maxEventsPerIncident()) {
            events.add(o);
        }
        assets.addAll(e.assets());
        e.techniques().stream().map(Technique::id).forEach(techniques::add);
        if (e.kind() == EventKind.MACHINE_FAULT) {
            e.evidence().fact(FAULT_CLASS).ifPresent(c -> faultClasses.add(c.toLowerCase(Locale.ROOT)));
        }
        kinds.add(e.kind());
        touch(e.time());
    }

    private void touch(Instant at) {
        if (at.isAfter(updated)) {
            updated = at;
        }
    }

    /** Whether {@code rule} joins {@code e} to this incident. */
    boolean matches(CorrelationRule rule, Event e) {
        for (Occurrence o : events) {
            Event x = o.event();
            if (rule.kinds().contains(x.kind())
                    && !Duration.between(x.time(), e.time())
                            .abs()
                            .minus(rule.window())
                            .isPositive()
                    && joins(rule.join(), x, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean joins(CorrelationRule.Join join, Event a, Event b) {
        return switch (join) {
            case SAME_ASSET -> a.assets().stream().anyMatch(b.assets()::contains);
            case SAME_ZONE_PAIR -> {
                Optional<String> za = a.evidence().fact(ZONE_PATH);
                yield za.isPresent() && za.equals(b.evidence().fact(ZONE_PATH));
            }
        };
    }

    /** The severity after {@code e} joins by {@code rule}: raised to the rule's when kinds mix. */
    Severity severityWith(Event e, CorrelationRule rule) {
        Severity s = Incidents.max(severity, e.severity());
        Set<EventKind> mixed = EnumSet.copyOf(kinds);
        mixed.add(e.kind());
        mixed.retainAll(rule.kinds());
        return mixed.size() >= 2 ? Incidents.max(s, rule.severity()) : s;
    }

    void attach(Attached a) {
        add(a.occurrence());
        severity = Incidents.max(severity, a.severity());
    }

    void transition(Transition t) {
        history.add(t);
        status = t.to();
        resolvedAt = t.to() == IncidentStatus.RESOLVED ? t.time() : null;
        touch(t.time());
    }

    void assign(Assigned a) {
        assignee = Optional.of(a.assignee());
        touch(a.time());
    }

    void note(Note n) {
        notes.add(n);
        touch(n.time());
    }

    Incident snapshot() {
        return new Incident(
                id,
                title(),
                status,
                severity,
                assignee,
                opened,
                updated,
                List.copyOf(assets),
                List.copyOf(techniques),
                List.copyOf(faultClasses),
                eventCount,
                events,
                notes,
                history);
    }

    /** The first event's title; when kinds mix, which kinds and the asset they share. */
    private String title() {
        if (kinds.size() < 2) {
            return events.getFirst().event().title();
        }
        List<String> words = kinds.stream().map(IncidentState::words).toList();
        String joined = String.join(" and ", words);
        String text = Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
        return sharedAsset().map(a -> text + " on " + a).orElse(text);
    }

    private Optional<AssetId> sharedAsset() {
        for (AssetId a : assets) {
            Set<EventKind> with = EnumSet.noneOf(EventKind.class);
            for (Occurrence o : events) {
                if (o.event().assets().contains(a)) {
                    with.add(o.event().kind());
                }
            }
            if (with.size() >= 2) {
                return Optional.of(a);
            }
        }
        return assets.stream().findFirst();
    }

    private static String words(EventKind k) {
        return switch (k) {
            case NETWORK_ALERT -> "network alert";
            case MACHINE_FAULT -> "machine fault";
            case ACCESS_DECISION -> "access decision";
            case DATA_LOSS -> "data loss";
            case SYSTEM -> "system event";
        };
    }
}
