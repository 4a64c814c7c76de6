package io.isthmus.observe.detect;

import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Evidence.Fact;
import io.isthmus.model.Technique;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deduplicates findings into alerts: one per rule and key, with a count, the first and last time
 * and the first few observations as evidence. Bounded: beyond {@link DetectionLimits#maxAlerts} the
 * least recently seen alert is evicted and counted.
 */
final class AlertLog {
    private final DetectionLimits limits;
    private final Consumer<Alert> onNew;
    private final Map<Key, Aggregate> alerts;

    /** An alert's identity: the rule and the finding's key record. */
    private record Key(Rule rule, Object key) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && rule == k.rule && key.equals(k.key);
        }

        @Override
        public int hashCode() {
            int h = rule.hashCode();
            h = 31 * h + key.hashCode();
            return h;
        }
    }

    private long evicted;
    private long findings;

    private static final class Aggregate {
        final Finding first;
        final List<EvidenceItem> evidence = new ArrayList<>();
        long count;
        long lastNanos;

        Aggregate(Finding first) {
            this.first = first;
        }
    }

    AlertLog(DetectionLimits limits) {
        this(limits, a -> {});
    }

    /** @param onNew told about each alert when its first finding arrives (count 1), on the adding thread */
    AlertLog(DetectionLimits limits, Consumer<Alert> onNew) {
        this.limits = limits;
        this.onNew = onNew;
        this.alerts = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Aggregate> eldest) {
                if (size() > limits.maxAlerts()) {
                    evicted++;
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * Counts one more occurrence of an alert that has all the evidence it keeps, without building
     * the finding: the hot path when the same finding repeats. False when the finding is needed
     * (the alert is new, or still collects evidence); then the caller builds it and {@link #add}s
     * it. Every detector calls this before it builds any text.
     */
    boolean absorb(Rule rule, Object key, long timeNanos) {
        Aggregate a = alerts.get(new Key(rule, key));
        if (a == null || a.evidence.size() < limits.maxEvidence()) {
            return false;
        }
        findings++;
        a.count++;
        a.lastNanos = Math.max(a.lastNanos, timeNanos);
        return true;
    }

    void add(Finding f) {
        findings++;
        Key key = new Key(f.rule(), f.key());
        Aggregate a = alerts.get(key);
        boolean created = a == null;
        if (created) {
            a = new Aggregate(f);
            alerts.put(key, a);
        }
        a.count++;
        a.lastNanos = Math.max(a.lastNanos, f.evidence().timeNanos());
        if (a.evidence.size() < limits.maxEvidence()) {
            a.evidence.add(f.evidence());
        }
        if (created) {
            onNew.accept(alert(a));
        }
    }

    long evicted() {
        return evicted;
    }

    long findings() {
        return findings;
    }

    /** The alerts so far, by time of first occurrence. */
    List<Alert> alerts() {
        return alerts.values().stream()
                .map(AlertLog::alert)
                .sorted(Comparator.comparingLong(Alert::firstNanos)
                        .thenComparing(a -> a.event().title()))
                .toList();
    }

    private static Alert alert(Aggregate a) {
        Finding f = a.first;
        long firstNanos = a.evidence.getFirst().timeNanos();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("rule", f.rule().id()));
        facts.add(new Fact("src", f.src()));
        facts.add(new Fact("dst", f.dst()));
        f.protocol().ifPresent(p -> facts.add(new Fact("protocol", p.id())));
        if (!f.zonePath().isEmpty()) {
            facts.add(new Fact("zone_path", f.zonePath()));
        }
        facts.add(new Fact("count", Long.toString(a.count)));
        facts.add(new Fact("tactics", String.join(",", tactics(f.techniques()))));
        Event event = new Event(
                instant(firstNanos),
                EventKind.NETWORK_ALERT,
                f.severity(),
                f.title(),
                f.assets(),
                f.techniques(),
                new Evidence(f.evidence().detail(), facts));
        return new Alert(
                event,
                f.rule(),
                f.src(),
                f.dst(),
                f.protocol(),
                f.zonePath(),
                a.count,
                firstNanos,
                a.lastNanos,
                a.evidence);
    }

    static List<String> tactics(List<Technique> techniques) {
        return techniques.stream()
                .flatMap(t -> t.tactics().stream())
                .distinct()
                .map(t -> t.shortName())
                .toList();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
