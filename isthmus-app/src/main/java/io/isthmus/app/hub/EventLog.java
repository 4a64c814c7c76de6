package io.isthmus.app.hub;

import io.isthmus.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The newest events received from edges, newest first, at most {@link #CAPACITY}. Kept in memory;
 * {@link EventJournal} persists them as JSON lines and restores them when the hub starts.
 */
final class EventLog {
    static final int CAPACITY = 1000;

    /** An event with the edge it came from and its journal id there. */
    record Received(String edge, long sequence, Event event) {}

    private final ArrayDeque<Received> events = new ArrayDeque<>();
    private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();
    private long total;

    void add(Received r) {
        synchronized (this) {
            if (events.size() == CAPACITY) {
                events.removeLast();
            }
            events.addFirst(r);
            total++;
        }
        listeners.forEach(l -> l.accept(r));
    }

    /**
     * Puts back events persisted before a restart, oldest first, without telling the listeners (they
     * saw them the first time); {@link #total} counts them.
     */
    synchronized void restore(List<Received> oldestFirst) {
        for (Received r : oldestFirst) {
            if (events.size() == CAPACITY) {
                events.removeLast();
            }
            events.addFirst(r);
            total++;
        }
    }

    /** Tells {@code listener} about every event added from now on, on the adding thread: keep it short. */
    void addListener(Consumer<Received> listener) {
        listeners.add(listener);
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
