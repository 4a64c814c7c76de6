package io.isthmus.insight.incident;

import io.isthmus.insight.incident.IncidentChange.Assigned;
import io.isthmus.insight.incident.IncidentChange.Attached;
import io.isthmus.insight.incident.IncidentChange.Noted;
import io.isthmus.insight.incident.IncidentChange.Opened;
import io.isthmus.insight.incident.IncidentChange.StatusChanged;
import io.isthmus.model.Event;
import io.isthmus.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The incident store: correlates the event timeline into incidents and runs their lifecycle
 * (open → acknowledged → resolved; a resolved incident reopens when a matching event arrives
 * within {@link IncidentConfig#reopenWithin}, or by hand). Every change goes to the sink given at
 * construction, after it took effect, so the caller can journal it; {@link #apply} replays a
 * journal. Thread-safe (one lock); the sink runs under it, so it should only append.
 */
public final class Incidents {
    /** Who reopens an incident when an event matches it after resolution. */
    public static final String SYSTEM = "isthmus";

    /** A page of incidents, newest first, and how many match in all. */
    public record Page(List<Incident> items, int total) {}

    private final IncidentConfig config;
    private final Consumer<IncidentChange> sink;
    private final Map<String, IncidentState> incidents = new LinkedHashMap<>();
    private long lastNumber;

    public Incidents(IncidentConfig config, Consumer<IncidentChange> sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public IncidentConfig config() {
        return config;
    }

    /**
     * Takes one event of the timeline: joins it to the newest incident a rule matches (reopening it
     * when it was resolved), or opens an incident when its kind and severity open one, or ignores
     * it. Returns the changes made, in order (empty when ignored).
     */
    public synchronized List<IncidentChange> observe(Occurrence occurrence) {
        Event e = occurrence.event();
        List<IncidentChange> changes = new ArrayList<>(2);
        for (CorrelationRule rule : config.rules()) {
            if (!rule.kinds().contains(e.kind())) {
                continue;
            }
            Optional<IncidentState> match = newestMatch(rule, e);
            if (match.isPresent()) {
                IncidentState s = match.get();
                if (s.status == IncidentStatus.RESOLVED) {
                    changes.add(emit(new StatusChanged(
                            s.id, new Transition(e.time(), SYSTEM, IncidentStatus.RESOLVED, IncidentStatus.OPEN))));
                }
                changes.add(emit(new Attached(s.id, occurrence, rule.name(), s.severityWith(e, rule))));
                return changes;
            }
        }
        if (config.opening().contains(e.kind()) && e.severity().isAtLeast(config.openAt())) {
            changes.add(emit(new Opened(nextId(), occurrence)));
        }
        return changes;
    }

    private Optional<IncidentState> newestMatch(CorrelationRule rule, Event e) {
        List<IncidentState> all = new ArrayList<>(incidents.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            IncidentState s = all.get(i);
            if (s.status == IncidentStatus.RESOLVED && !withinReopen(s, e.time())) {
                continue;
            }
            if (s.matches(rule, e)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private boolean withinReopen(IncidentState s, Instant at) {
        return s.resolvedAt != null
                && !Duration.between(s.resolvedAt, at)
                        .minus(config.reopenWithin())
                        .isPositive();
    }

    /** Someone takes an open incident. */
    public synchronized Incident acknowledge(String id, String by, Instant now)
            throws IncidentNotFoundException, InvalidTransitionException {
        return transition(id, by, now, IncidentStatus.ACKNOWLEDGED, IncidentStatus.OPEN);
    }

    /** Closes an open or acknowledged incident, with an optional closing note. */
    public synchronized Incident resolve(String id, String by, Optional<String> note, Instant now)
            throws IncidentNotFoundException, InvalidTransitionException {
        note.ifPresent(n -> text("note", n));
        IncidentState s = find(id);
        if (note.isPresent() && s.notes.size() >= config.limits().maxNotesPerIncident()) {
            throw new InvalidTransitionException(
                    "incident " + id + " has " + s.notes.size() + " notes, the most it may have");
        }
        transition(id, by, now, IncidentStatus.RESOLVED, IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED);
        if (note.isPresent()) {
            emit(new Noted(id, new Note(now, by, note.get())));
        }
        return s.snapshot();
    }

    /** Opens a resolved incident again. */
    public synchronized Incident reopen(String id, String by, Instant now)
            throws IncidentNotFoundException, InvalidTransitionException {
        return transition(id, by, now, IncidentStatus.OPEN, IncidentStatus.RESOLVED);
    }

    private Incident transition(String id, String by, Instant now, IncidentStatus to, IncidentStatus... from)
            throws IncidentNotFoundException, InvalidTransitionException {
        text("by", by);
        IncidentState s = find(id);
        if (!List.of(from).contains(s.status)) {
            throw new InvalidTransitionException(
                    "incident " + id + " is " + s.status.token() + "; it can become " + to.token() + " only from "
                            + List.of(from).stream().map(IncidentStatus::token).toList());
        }
        emit(new StatusChanged(id, new Transition(now, by, s.status, to)));
        return s.snapshot();
    }

    /** Gives the incident to someone (any status: a resolved incident keeps its owner for follow-up). */
    public synchronized Incident assign(String id, String assignee, String by, Instant now)
            throws IncidentNotFoundException {
        text("assignee", assignee);
        text("by", by);
        IncidentState s = find(id);
        emit(new Assigned(id, now, by, assignee));
        return s.snapshot();
    }

    /** Adds a note. */
    public synchronized Incident note(String id, String author, String text, Instant now)
            throws IncidentNotFoundException, InvalidTransitionException {
        text("by", author);
        text("text", text);
        IncidentState s = find(id);
        if (s.notes.size() >= config.limits().maxNotesPerIncident()) {
            throw new InvalidTransitionException(
                    "incident " + id + " has " + s.notes.size() + " notes, the most it may have");
        }
        emit(new Noted(id, new Note(now, author, text)));
        return s.snapshot();
    }

    private void text(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + what + "' is required and must not be blank");
        }
        if (value.length() > config.limits().maxTextLength()) {
            throw new IllegalArgumentException("'" + what + "' has " + value.length() + " characters; at most "
                    + config.limits().maxTextLength() + " are allowed");
        }
    }

    private IncidentState find(String id) throws IncidentNotFoundException {
        IncidentState s = incidents.get(id);
        if (s == null) {
            throw new IncidentNotFoundException(id);
        }
        return s;
    }

    private IncidentChange emit(IncidentChange c) {
        apply(c);
        sink.accept(c);
        return c;
    }

    /**
     * Applies a change as {@link #observe} or a command made it: how a journal is replayed. A
     * change for an incident no longer kept (dropped by the limits) is ignored.
     */
    public synchronized void apply(IncidentChange change) {
        switch (change) {
            case Opened o -> open(o);
            case Attached a -> existing(a.incident()).ifPresent(s -> s.attach(a));
            case StatusChanged c -> existing(c.incident()).ifPresent(s -> s.transition(c.transition()));
            case Assigned a -> existing(a.incident()).ifPresent(s -> s.assign(a));
            case Noted n -> existing(n.incident()).ifPresent(s -> s.note(n.note()));
        }
    }

    private Optional<IncidentState> existing(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    private void open(Opened o) {
        lastNumber = Math.max(lastNumber, number(o.incident()));
        incidents.put(o.incident(), new IncidentState(o.incident(), o.occurrence(), config.limits()));
        if (incidents.size() > config.limits().maxIncidents()) {
            evictOne();
        }
    }

    private void evictOne() {
        String oldest = incidents.keySet().iterator().next();
        for (IncidentState s : incidents.values()) {
            if (s.status == IncidentStatus.RESOLVED) {
                incidents.remove(s.id);
                return;
            }
        }
        incidents.remove(oldest);
    }

    private String nextId() {
        return "INC-" + (lastNumber + 1);
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id.substring(id.indexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public synchronized Optional<Incident> get(String id) {
        return existing(id).map(IncidentState::snapshot);
    }

    /** Incidents newest first, optionally of one status only. */
    public synchronized Page list(Optional<IncidentStatus> status, int limit, int offset) {
        List<IncidentState> all = new ArrayList<>(incidents.values());
        List<Incident> page = new ArrayList<>();
        int total = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            IncidentState s = all.get(i);
            if (status.isPresent() && s.status != status.get()) {
                continue;
            }
            if (total >= offset && page.size() < limit) {
                page.add(s.snapshot());
            }
            total++;
        }
        return new Page(page, total);
    }

    /** How many incidents are kept. */
    public synchronized int size() {
        return incidents.size();
    }

    static Severity max(Severity a, Severity b) {
        return a.rank() >= b.rank() ? a : b;
    }
}
