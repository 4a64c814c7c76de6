package io.isthmus.app.console;

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
 * The newest sample of every tag, and a fan-out to live listeners (the console's event stream). The
 * hub feeds it from what edges deliver and seeds it from the historian when it starts.
 */
public final class LatestValues {
    private final Map<TagPath, Sample> latest = new ConcurrentHashMap<>();
    private final List<Consumer<List<Sample>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Stores the samples that are newer (by source time) than what is held for their tag and hands
     * those to every listener; older ones (an edge's backfill after an outage) go to the historian
     * only and never turn a live value back.
     */
    public void publish(List<Sample> batch) {
        List<Sample> newer = new java.util.ArrayList<>(batch.size());
        for (Sample s : batch) {
            Sample kept = latest.merge(
                    s.path(),
                    s,
                    (old, candidate) -> candidate.sourceTime().isBefore(old.sourceTime()) ? old : candidate);
            if (kept == s) {
                newer.add(s);
            }
        }
        if (newer.isEmpty()) {
            return;
        }
        for (Consumer<List<Sample>> l : listeners) {
            l.accept(newer);
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
