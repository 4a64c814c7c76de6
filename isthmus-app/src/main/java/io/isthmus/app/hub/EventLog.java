package io.isthmus.app.hub;

import io.isthmus.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest events received from edges, newest first, at most {@link #CAPACITY}. Kept in memory:
 * the samples are durable in the historian; the events are not persisted by the hub yet.
 */
final class EventLog {
    static final int CAPACITY = 1000;

    /** An event with the edge it came from and its journal id there. */
    record Received(String edge, long sequence, Event event) {}

    private final ArrayDeque<Received> events = new ArrayDeque<>();
    private long total;

    synchronized void add(Received r) {
        if (events.size() == CAPACITY) {
            events.removeLast();
        }
        events.addFirst(r);
        total++;
    }

    synchronized List<Received> newest(int limit) {
        List<Received> out = new ArrayList<>(Math.min(limit, events.size()));
        for (Received r : events) {
            if (out.size() == limit) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    synchronized long total() {
        return total;
    }
}
