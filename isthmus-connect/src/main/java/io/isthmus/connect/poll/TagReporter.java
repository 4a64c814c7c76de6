package io.isthmus.connect.poll;

import io.isthmus.connect.config.Deadband;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Instant;

/**
 * The reporting state of one tag: decides which readings become samples (deadband, quality
 * transitions) and remembers the last value so STALE and BAD_COMM samples can carry it.
 *
 * <p>GOOD readings pass the deadband; a change of quality is always reported, and a non-GOOD
 * quality is reported once per transition, not once per poll, so an outage gives one BAD_COMM
 * sample per tag rather than a stream of them. A BAD sample carries the last good value (or NaN if
 * there never was one), its quality saying it is not current. Thread-safe.
 */
public final class TagReporter {
    private static final Value NO_VALUE = Value.of(Double.NaN);

    private final TagPath path;
    private final Deadband deadband;
    private Value lastValue;
    private Quality lastQuality;
    /** The source time of the last sample as sent (made strictly increasing, see {@link #later}). */
    private Instant lastTime = Instant.EPOCH;
    /** The latest source time a sample was stamped with, before {@link #later} moved it. */
    private Instant lastStamp = Instant.EPOCH;

    private long lastGoodNanos;

    public TagReporter(TagPath path, Deadband deadband, long createdNanos) {
        this.path = path;
        this.deadband = deadband;
        this.lastGoodNanos = createdNanos;
    }

    public TagPath path() {
        return path;
    }

    /**
     * A good reading at {@code time}; sends it when it passes the deadband or ends a bad spell. A
     * reading stamped earlier than the tag's samples were stamped is out of order and dropped; one
     * stamped at the same instant (several changes within a source's clock resolution, e.g. one
     * millisecond for Sparkplug) is newer by arrival and is sent a microsecond after the last one,
     * however many share that instant.
     */
    public synchronized void good(Value value, Instant time, long nanos, SampleSink sink) {
        lastGoodNanos = nanos;
        boolean report = lastQuality != Quality.GOOD || changed(value);
        if (report && !time.isBefore(lastStamp)) {
            emit(new Sample(path, later(time), value, Quality.GOOD), time, sink);
            lastValue = value;
        }
    }

    /** The device could not be read ({@link Quality#BAD_COMM}) or refused ({@link Quality#BAD_DEVICE}). */
    public synchronized void bad(Quality quality, Instant time, SampleSink sink) {
        if (lastQuality != quality) {
            emit(new Sample(path, later(time), lastValue == null ? NO_VALUE : lastValue, quality), time, sink);
        }
    }

    /** Marks the tag STALE when it was GOOD and no poll succeeded since {@code deadlineNanos}. */
    public synchronized void staleIfOlderThan(long deadlineNanos, Instant time, SampleSink sink) {
        if (lastQuality == Quality.GOOD && lastGoodNanos - deadlineNanos < 0) {
            emit(new Sample(path, later(time), lastValue, Quality.STALE), time, sink);
        }
    }

    /** Marks the tag STALE now when it is GOOD: its source is known to have missed updates. */
    public synchronized void stale(Instant time, SampleSink sink) {
        if (lastQuality == Quality.GOOD) {
            emit(new Sample(path, later(time), lastValue, Quality.STALE), time, sink);
        }
    }

    public synchronized Quality quality() {
        return lastQuality;
    }

    private boolean changed(Value value) {
        if (lastValue == null) {
            return true;
        }
        if (deadband.isNone()) {
            return true;
        }
        return switch (value) {
            case Value.Int i -> deadband.exceeded(lastValue.asDouble(), i.asDouble());
            case Value.Real r -> deadband.exceeded(lastValue.asDouble(), r.asDouble());
            case Value.Bool b -> !b.equals(lastValue);
            case Value.Text t -> !t.equals(lastValue);
        };
    }

    /** Source times of one tag strictly increase, so no two samples of a tag share a timestamp. */
    private Instant later(Instant time) {
        return time.isAfter(lastTime) ? time : lastTime.plusNanos(1000);
    }

    private void emit(Sample sample, Instant stamp, SampleSink sink) {
        lastQuality = sample.quality();
        lastTime = sample.sourceTime();
        if (stamp.isAfter(lastStamp)) {
            lastStamp = stamp;
        }
        sink.accept(sample);
    }
}
