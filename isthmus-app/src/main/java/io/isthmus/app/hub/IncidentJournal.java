package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isthmus.insight.incident.IncidentChange;
import io.isthmus.insight.incident.IncidentChange.Assigned;
import io.isthmus.insight.incident.IncidentChange.Attached;
import io.isthmus.insight.incident.IncidentChange.Noted;
import io.isthmus.insight.incident.IncidentChange.Opened;
import io.isthmus.insight.incident.IncidentChange.StatusChanged;
import io.isthmus.insight.incident.IncidentStatus;
import io.isthmus.insight.incident.Note;
import io.isthmus.insight.incident.Transition;
import io.isthmus.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The incident store's changes as JSON lines ({@code incidents.jsonl} in the hub's data
 * directory), one object per {@link IncidentChange} with a {@code change} field ({@code opened},
 * {@code attached}, {@code status}, {@code assigned}, {@code noted}); replayed in order on start.
 * Not rotated: the store is rebuilt from the whole file (its size is bounded by the incident limits
 * times the hub's lifetime; compaction is not built yet).
 */
final class IncidentJournal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectMapper json = JSON;
    private final JsonLinesFile file;

    IncidentJournal(Path dir) {
        this.file = new JsonLinesFile(dir, "incidents", Long.MAX_VALUE, 1);
    }

    /** Replays every change to {@code apply}; returns the number of unreadable lines (skipped). */
    int replay(Consumer<IncidentChange> apply) {
        return file.read(line -> apply.accept(decode(line)));
    }

    void append(IncidentChange c) {
        file.append(write(c).toString());
    }

    private ObjectNode write(IncidentChange c) {
        ObjectNode n = json.createObjectNode();
        switch (c) {
            case Opened o -> {
                n.put("change", "opened").put("incident", o.incident());
                n.set("event", EventLines.write(json, o.occurrence()));
            }
            case Attached a -> {
                n.put("change", "attached").put("incident", a.incident());
                n.put("rule", a.rule()).put("severity", a.severity().name().toLowerCase(Locale.ROOT));
                n.set("event", EventLines.write(json, a.occurrence()));
            }
            case StatusChanged s -> {
                Transition t = s.transition();
                n.put("change", "status")
                        .put("incident", s.incident())
                        .put("time", t.time().toString());
                n.put("by", t.by()).put("from", t.from().token()).put("to", t.to().token());
            }
            case Assigned a ->
                n.put("change", "assigned")
                        .put("incident", a.incident())
                        .put("time", a.time().toString())
                        .put("by", a.by())
                        .put("assignee", a.assignee());
            case Noted o ->
                n.put("change", "noted")
                        .put("incident", o.incident())
                        .put("time", o.note().time().toString())
                        .put("author", o.note().author())
                        .put("text", o.note().text());
        }
        return n;
    }

    /**
     * One journal line as a change; anything else is an {@link IllegalArgumentException} saying
     * what is wrong (a damaged or hand-edited journal must not stop the hub).
     */
    static IncidentChange decode(String line) {
        try {
            return read(JSON.readTree(line));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an incident change: " + e.getMessage(), e);
        }
    }

    private static IncidentChange read(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a change is a JSON object");
        }
        String id = EventLines.text(n, "incident");
        String change = EventLines.text(n, "change");
        return switch (change) {
            case "opened" -> new Opened(id, EventLines.read(event(n)));
            case "attached" ->
                new Attached(
                        id,
                        EventLines.read(event(n)),
                        EventLines.text(n, "rule"),
                        Severity.valueOf(EventLines.text(n, "severity").toUpperCase(Locale.ROOT)));
            case "status" ->
                new StatusChanged(
                        id,
                        new Transition(
                                time(n),
                                EventLines.text(n, "by"),
                                IncidentStatus.parse(EventLines.text(n, "from")),
                                IncidentStatus.parse(EventLines.text(n, "to"))));
            case "assigned" -> new Assigned(id, time(n), EventLines.text(n, "by"), EventLines.text(n, "assignee"));
            case "noted" -> new Noted(id, new Note(time(n), EventLines.text(n, "author"), EventLines.text(n, "text")));
            default -> throw new IllegalArgumentException("unknown change '" + change + "'");
        };
    }

    private static JsonNode event(JsonNode n) {
        JsonNode e = n.get("event");
        if (e == null || !e.isObject()) {
            throw new IllegalArgumentException("'event' is missing");
        }
        return e;
    }

    private static Instant time(JsonNode n) {
        return Instant.parse(EventLines.text(n, "time"));
    }

    @Override
    public void close() {
        file.close();
    }
}
