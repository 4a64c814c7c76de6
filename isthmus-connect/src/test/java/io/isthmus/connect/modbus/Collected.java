package io.isthmus.connect.modbus;

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
final class Collected implements SampleSink, Consumer<ConnectionState> {
    static final Duration WAIT = Duration.ofSeconds(20);

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

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized List<Sample> samplesOf(TagPath path) {
        return samples.stream().filter(s -> s.path().equals(path)).toList();
    }

    synchronized List<ConnectionState> states() {
        return List.copyOf(states);
    }

    /** Waits (at most {@link #WAIT}) until a sample matches; fails the test otherwise. */
    synchronized Sample awaitSample(String what, Predicate<Sample> p) throws InterruptedException {
        return awaitSampleAfter(what, 0, p);
    }

    synchronized Sample awaitSampleAfter(String what, int from, Predicate<Sample> p) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = from; i < samples.size(); i++) {
                if (p.test(samples.get(i))) {
                    return samples.get(i);
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no sample " + what + " within " + WAIT + "; got " + tail());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized ConnectionState awaitState(String what, Predicate<ConnectionState> p) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (ConnectionState s : states) {
                if (p.test(s)) {
                    return s;
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

    synchronized int size() {
        return samples.size();
    }

    private String tail() {
        return samples.subList(Math.max(0, samples.size() - 10), samples.size()).toString();
    }
}
