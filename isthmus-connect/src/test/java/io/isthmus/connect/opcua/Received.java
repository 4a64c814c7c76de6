package io.isthmus.connect.opcua;

import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Samples and states a source produced, with bounded waits for conditions on them. */
final class Received implements SampleSink, Consumer<ConnectionState> {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final List<Sample> samples = new ArrayList<>();
    private final List<ConnectionState> states = new ArrayList<>();

    @Override
    public synchronized void accept(Sample sample) {
        samples.add(sample);
        notifyAll();
    }

    @Override
    public synchronized void accept(ConnectionState state) {
        states.add(state);
        notifyAll();
    }

    synchronized List<Sample> samplesOf(TagPath path) {
        return samples.stream().filter(s -> s.path().equals(path)).toList();
    }

    synchronized int sampleCount() {
        return samples.size();
    }

    synchronized int stateCount() {
        return states.size();
    }

    /** Waits (at most {@link #WAIT}) for a sample at index {@code from} or later that matches. */
    synchronized Sample awaitSample(String what, int from, Predicate<Sample> p) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = from; i < samples.size(); i++) {
                if (p.test(samples.get(i))) {
                    return samples.get(i);
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no sample " + what + " within " + WAIT + "; last samples "
                        + samples.subList(Math.max(0, samples.size() - 10), samples.size()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits for a state at index {@code from} or later that matches. */
    synchronized ConnectionState awaitState(String what, int from, Predicate<ConnectionState> p)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = from; i < states.size(); i++) {
                if (p.test(states.get(i))) {
                    return states.get(i);
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no state " + what + " within " + WAIT + "; last states "
                        + states.subList(Math.max(0, states.size() - 6), states.size()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
