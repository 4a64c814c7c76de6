package io.isthmus.observe.detect;

import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Evidence.Fact;
import io.isthmus.model.Technique;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deduplicates findings into alerts: one per rule and key, with a count, the first and last time
 * and the first few observations as evidence. Bounded: beyond {@link DetectionLimits#maxAlerts} the
 * least recently seen alert is evicted and counted.
 *
 * <p>A detector that sees the same finding over and over may keep the {@link Aggregate} that {@link
 * #add} or {@link #absorbed} returned and count the next repeat with {@link #absorb(Aggregate,
 * long)}: no key record, no hash lookup. The least-recently-seen order is a list through the
 * aggregates themselves, so a repeat counted by handle moves its alert exactly as a lookup would.
 */
final class AlertLog {
    private final DetectionLimits limits;
    private final Consumer<Alert> onNew;
    private final Map<Key, Aggregate> alerts = new HashMap<>(256);
    /** Least recently seen first: the order in which alerts are evicted. */
    private Aggregate eldest;

    private Aggregate newest;

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

    /**
     * One alert as it is being counted. Detectors hold it only as a handle for {@link
     * #absorb(Aggregate, long)}; once evicted it counts nothing more.
     */
    static final class Aggregate {
        final Key key;
        final Finding first;
        final List<EvidenceItem> evidence = new ArrayList<>();
        long count;
        long lastNanos;
        boolean evicted;
        Aggregate older;
        Aggregate newer;

        Aggregate(Key key, Finding first) {
            this.key = key;
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
    }

    /**
     * Counts one more occurrence of an alert that has all the evidence it keeps, without building
     * the finding: the hot path when the same finding repeats. False when the finding is needed
     * (the alert is new, or still collects evidence); then the caller builds it and {@link #add}s
     * it. Every detector calls this before it builds any text.
     */
    boolean absorb(Rule rule, Object key, long timeNanos) {
        return absorbed(rule, key, timeNanos) != null;
    }

    /** As {@link #absorb(Rule, Object, long)}, returning the alert that counted it, or null. */
    Aggregate absorbed(Rule rule, Object key, long timeNanos) {
        Aggregate a = alerts.get(new Key(rule, key));
        if (a == null) {
            return null;
        }
        touch(a);
        if (a.evidence.size() < limits.maxEvidence()) {
            return null;
        }
        count(a, timeNanos);
        return a;
    }

    /**
     * As {@link #absorb(Rule, Object, long)} for an alert a detector kept from {@link #add} or
     * {@link #absorbed}: false also when {@code held} is null or was evicted since.
     */
    boolean absorb(Aggregate held, long timeNanos) {
        if (held == null || held.evicted || held.evidence.size() < limits.maxEvidence()) {
            return false;
        }
        touch(held);
        count(held, timeNanos);
        return true;
    }

    private void count(Aggregate a, long timeNanos) {
        findings++;
        a.count++;
        a.lastNanos = Math.max(a.lastNanos, timeNanos);
    }

    /** Adds the finding to its alert (a new one when there is none); returns the alert. */
    Aggregate add(Finding f) {
        findings++;
        Key key = new Key(f.rule(), f.key());
        Aggregate a = alerts.get(key);
        boolean created = a == null;
        if (created) {
            a = new Aggregate(key, f);
            alerts.put(key, a);
            link(a);
            if (alerts.size() > limits.maxAlerts()) {
                evict(eldest);
            }
        } else {
            touch(a);
        }
        a.count++;
        a.lastNanos = Math.max(a.lastNanos, f.evidence().timeNanos());
        if (a.evidence.size() < limits.maxEvidence()) {
            a.evidence.add(f.evidence());
        }
        if (created) {
            onNew.accept(alert(a));
        }
        return a;
    }

    /** Makes {@code a} the most recently seen alert. */
    private void touch(Aggregate a) {
        if (a == newest) {
            return;
        }
        unlink(a);
        link(a);
    }

    private void link(Aggregate a) {
        a.older = newest;
        a.newer = null;
        if (newest == null) {
            eldest = a;
        } else {
            newest.newer = a;
        }
        newest = a;
    }

    private void unlink(Aggregate a) {
        if (a.older == null) {
            eldest = a.newer;
        } else {
            a.older.newer = a.newer;
        }
        if (a.newer == null) {
            newest = a.older;
        } else {
            a.newer.older = a.older;
        }
        a.older = null;
        a.newer = null;
    }

    private void evict(Aggregate a) {
        unlink(a);
        alerts.remove(a.key);
        a.evicted = true;
        evicted++;
    }

    long evicted() {
        return evicted;
    }

    long findings() {
        return findings;
    }

    /** The alerts so far, by time of first occurrence. */
    List<Alert> alerts() {
        List<Aggregate> held = new ArrayList<>(alerts.size());
        for (Aggregate a = eldest; a != null; a = a.newer) {
            held.add(a);
        }
        return held.stream()
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
