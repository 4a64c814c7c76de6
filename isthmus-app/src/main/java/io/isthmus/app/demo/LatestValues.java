package io.isthmus.app.demo;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The newest sample of every tag, and a fan-out to live listeners (the console's event stream).
 * The seam the historian replaces: readers ask for latest values, writers publish batches.
 */
public final class LatestValues {
    private final Map<TagPath, Sample> latest = new ConcurrentHashMap<>();
    private final List<Consumer<List<Sample>>> listeners = new CopyOnWriteArrayList<>();

    /** Stores a poll cycle's samples and hands the batch to every listener. */
    public void publish(List<Sample> batch) {
        for (Sample s : batch) {
            latest.put(s.path(), s);
        }
        for (Consumer<List<Sample>> l : listeners) {
            l.accept(batch);
        }
    }

    public Optional<Sample> get(TagPath path) {
        return Optional.ofNullable(latest.get(path));
    }

    public Collection<Sample> all() {
        return List.copyOf(latest.values());
    }

    /** Registers a listener; returns a handle that removes it. */
    public AutoCloseable subscribe(Consumer<List<Sample>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
