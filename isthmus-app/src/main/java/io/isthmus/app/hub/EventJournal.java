package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isthmus.insight.incident.Occurrence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's events as JSON lines ({@code events.jsonl} in the hub's data directory, rotated by
 * size, see {@link JsonLinesFile}), so that a restart loses none: every event added to the {@link
 * EventLog} is appended, and on start the newest {@link EventLog#CAPACITY} are put back.
 */
final class EventJournal implements AutoCloseable {
    static final long MAX_FILE_BYTES = 8L << 20;
    static final int FILES = 4;

    private final ObjectMapper json = new ObjectMapper();
    private final JsonLinesFile file;
    private int unreadable;
    private final java.util.Map<String, Long> lastSequence = new java.util.HashMap<>();

    EventJournal(Path dir) {
        this.file = new JsonLinesFile(dir, "events", MAX_FILE_BYTES, FILES);
    }

    /** The persisted events, oldest first, at most {@code limit} (the newest ones). */
    List<EventLog.Received> load(int limit) {
        ArrayDeque<EventLog.Received> kept = new ArrayDeque<>();
        unreadable = file.read(line -> {
            Occurrence o = EventLines.read(parse(line));
            kept.addLast(new EventLog.Received(o.origin(), o.sequence(), o.event()));
            lastSequence.merge(o.origin(), o.sequence(), Math::max);
            if (kept.size() > limit) {
                kept.removeFirst();
            }
        });
        return new ArrayList<>(kept);
    }

    /** The highest sequence number of events from {@code origin} the last {@link #load} read, or 0. */
    long lastSequence(String origin) {
        return lastSequence.getOrDefault(origin, 0L);
    }

    /** Lines of the last {@link #load} that were not events (a torn last line after a crash). */
    int unreadable() {
        return unreadable;
    }

    void append(EventLog.Received r) {
        ObjectNode n = EventLines.write(json, new Occurrence(r.edge(), r.sequence(), r.event()));
        file.append(n.toString());
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
