package io.isthmus.connect.modbus;

import io.isthmus.connect.config.ByteOrder;
import io.isthmus.connect.config.DataType;
import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.Scaling;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.wire.modbus.PackedBits;
import io.isthmus.wire.modbus.Registers;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reporting state of the tags of one {@link ReadBlock}, decided per tag exactly as {@link
 * io.isthmus.connect.poll.TagReporter} decides it (deadband, one sample per quality transition, a
 * BAD or STALE sample carrying the last value, strictly increasing source times per tag, readings
 * older than the tag's last sample dropped), and handed to the sink as one batch per read.
 *
 * <p>Why not a {@code TagReporter} per tag: the profile of one source with one request in flight
 * (docs/benchmarks.md, "Modbus polling") had 29 % of the poller's CPU samples in {@code
 * TagReporter.good}, a monitor per tag per sample and a walk over several objects per tag. Here the
 * poller takes one lock per read and works on arrays, and the time of the last good read is one
 * field per block, so the staleness watchdog reads one volatile per block and takes the lock only
 * when the block is stale.
 *
 * <p>The sink is called under the lock, so the poller's and the watchdog's samples of a tag reach it
 * in source-time order. The lock is a {@link ReentrantLock}, not {@code synchronized}: a sink may
 * block (the edge's journal queue applies back-pressure), and on JDK 21 a virtual thread that blocks
 * inside {@code synchronized} pins its carrier thread.
 */
final class BlockReporter {
    private static final Value NO_VALUE = Value.of(Double.NaN);
    private static final Quality[] QUALITIES = Quality.values();
    private static final byte GOOD = code(Quality.GOOD);
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;
    private static final long MIN_SECONDS = Long.MIN_VALUE / 1_000_000_000L + 1;

    private final ReadBlock block;
    private final TagPath[] paths;
    private final Deadband[] deadbands;
    /** No member has a deadband: every good reading is reported. */
    private final boolean everyPoll;

    private final int[] offsets;
    private final ModbusAddress.RegisterPoint[] points;
    private final Scaling[] scalings;
    /** Every member is one big-endian int16 or uint16 register without scaling: no decoder needed. */
    private final boolean plainWords;

    private final boolean[] signed;

    /*
     * Per-tag state in primitive arrays, and the last values as one array replaced per read: storing
     * a new (young) object into a long-lived array costs a G1 card-marking barrier per store, three
     * per tag per read with fields per tag; a primitive store costs none, and the arrays and samples
     * of one read are new objects themselves.
     */
    private Value[] lastValue;
    /** {@code Quality.ordinal() + 1} of each tag's last sample, 0 before the first. */
    private final byte[] lastQuality;
    /** Source time of each tag's last sample as sent (strictly increasing), nanoseconds since the epoch. */
    private final long[] lastNanos;
    /**
     * The latest source time each tag's samples were stamped with, before {@link #emit} moved it: a
     * reading stamped earlier is out of order; one stamped at the same instant is sent after the last.
     */
    private final long[] lastStampNanos;
    /** The latest of {@code lastNanos}: a read stamped after it needs no per-tag time check. */
    private long newestNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastGoodNanos;

    BlockReporter(ReadBlock block, long createdNanos) {
        this.block = block;
        int n = block.members().size();
        paths = new TagPath[n];
        deadbands = new Deadband[n];
        offsets = new int[n];
        points = new ModbusAddress.RegisterPoint[n];
        scalings = new Scaling[n];
        signed = new boolean[n];
        boolean none = true;
        boolean plain = !block.table().isBit();
        for (int i = 0; i < n; i++) {
            var config = block.members().get(i).config();
            paths[i] = config.path();
            deadbands[i] = config.deadband();
            none &= config.deadband().isNone();
            offsets[i] = config.address().address() - block.start();
            scalings[i] = config.scaling();
            if (config.address() instanceof ModbusAddress.RegisterPoint p) {
                points[i] = p;
                signed[i] = p.type() == DataType.INT16;
                plain &= (p.type() == DataType.INT16 || p.type() == DataType.UINT16)
                        && p.order() == ByteOrder.ABCD
                        && config.scaling().isIdentity();
            }
        }
        everyPoll = none;
        plainWords = plain;
        lastValue = new Value[n];
        lastQuality = new byte[n];
        lastNanos = new long[n]; // Instant.EPOCH, as TagReporter starts
        lastStampNanos = new long[n];
        lastGoodNanos = createdNanos;
    }

    ReadBlock block() {
        return block;
    }

    int size() {
        return paths.length;
    }

    /** A good read of the block's registers ({@code registers.size()} is the block's quantity). */
    void registers(Registers registers, Instant time, long nanos, SampleSink sink) {
        Value[] readings = new Value[paths.length];
        if (plainWords) {
            for (int i = 0; i < readings.length; i++) {
                short w = registers.getShort(offsets[i]);
                readings[i] = Value.of(signed[i] ? w : w & 0xFFFF);
            }
        } else {
            short[] words = registers.toShortArray();
            for (int i = 0; i < readings.length; i++) {
                readings[i] = PointDecoder.decode(points[i], words, offsets[i], scalings[i]);
            }
        }
        good(readings, time, nanos, sink);
    }

    /** A good read of the block's coils or discrete inputs. */
    void bits(PackedBits bits, Instant time, long nanos, SampleSink sink) {
        Value[] readings = new Value[paths.length];
        for (int i = 0; i < readings.length; i++) {
            readings[i] = Value.of(bits.get(offsets[i]));
        }
        good(readings, time, nanos, sink);
    }

    /**
     * Good readings of every member, in member order, received at {@code time} ({@code nanos}). The
     * array becomes the reporter's: the caller must not change it afterwards.
     */
    void good(Value[] values, Instant time, long nanos, SampleSink sink) {
        long t = epochNanos(time);
        Sample[] out = new Sample[values.length];
        int k = 0;
        lock.lock();
        try {
            lastGoodNanos = nanos;
            if (everyPoll && t > newestNanos) {
                // every tag's last sample is older and no deadband applies: each reading is reported as is
                for (int i = 0; i < values.length; i++) {
                    out[i] = new Sample(paths[i], time, values[i], Quality.GOOD);
                    lastQuality[i] = GOOD;
                    lastNanos[i] = t;
                    lastStampNanos[i] = t;
                }
                k = values.length;
                lastValue = values;
                newestNanos = t;
            } else {
                Value[] next = lastValue.clone();
                for (int i = 0; i < values.length; i++) {
                    Value v = values[i];
                    if ((lastQuality[i] != GOOD || changed(i, v)) && t >= lastStampNanos[i]) {
                        out[k++] = emit(i, v, Quality.GOOD, t, time);
                        next[i] = v;
                    }
                }
                lastValue = next;
            }
            publish(out, k, sink);
        } finally {
            lock.unlock();
        }
    }

    /** The block could not be read ({@link Quality#BAD_COMM}) or was refused ({@link Quality#BAD_DEVICE}). */
    void bad(Quality quality, Instant time, SampleSink sink) {
        long t = epochNanos(time);
        byte code = code(quality);
        Sample[] out = new Sample[paths.length];
        int k = 0;
        lock.lock();
        try {
            for (int i = 0; i < paths.length; i++) {
                if (lastQuality[i] != code) {
                    out[k++] = emit(i, lastValue[i] == null ? NO_VALUE : lastValue[i], quality, t, time);
                }
            }
            publish(out, k, sink);
        } finally {
            lock.unlock();
        }
    }

    /** Marks the GOOD tags STALE when no read of the block succeeded since {@code deadlineNanos}. */
    void staleIfOlderThan(long deadlineNanos, Instant time, SampleSink sink) {
        if (lastGoodNanos - deadlineNanos >= 0) {
            return; // read recently: the common case costs one volatile read and no lock
        }
        long t = epochNanos(time);
        Sample[] out = new Sample[paths.length];
        int k = 0;
        lock.lock();
        try {
            if (lastGoodNanos - deadlineNanos >= 0) {
                return;
            }
            for (int i = 0; i < paths.length; i++) {
                if (lastQuality[i] == GOOD) {
                    out[k++] = emit(i, lastValue[i], Quality.STALE, t, time);
                }
            }
            publish(out, k, sink);
        } finally {
            lock.unlock();
        }
    }

    /** The quality of member {@code i}'s last sample, or null before the first. */
    Quality quality(int i) {
        lock.lock();
        try {
            return lastQuality[i] == 0 ? null : QUALITIES[lastQuality[i] - 1];
        } finally {
            lock.unlock();
        }
    }

    private boolean changed(int i, Value value) {
        Value last = lastValue[i];
        if (last == null || deadbands[i].isNone()) {
            return true;
        }
        return switch (value) {
            case Value.Int v -> deadbands[i].exceeded(last.asDouble(), v.asDouble());
            case Value.Real v -> deadbands[i].exceeded(last.asDouble(), v.asDouble());
            case Value.Bool v -> !v.equals(last);
            case Value.Text v -> !v.equals(last);
        };
    }

    /**
     * Member {@code i}'s sample at {@code t} ({@code time}), or a microsecond after its last one:
     * source times of one tag strictly increase, so no two samples of a tag share a timestamp.
     */
    private Sample emit(int i, Value value, Quality quality, long t, Instant time) {
        long at = t > lastNanos[i] ? t : lastNanos[i] + 1000;
        lastQuality[i] = code(quality);
        lastNanos[i] = at;
        if (t > lastStampNanos[i]) {
            lastStampNanos[i] = t;
        }
        if (at > newestNanos) {
            newestNanos = at;
        }
        return new Sample(paths[i], at == t ? time : instant(at), value, quality);
    }

    private void publish(Sample[] out, int k, SampleSink sink) {
        if (k > 0) {
            sink.acceptAll(
                    k == out.length ? Arrays.asList(out) : Arrays.asList(out).subList(0, k));
        }
    }

    private static byte code(Quality q) {
        return (byte) (q.ordinal() + 1);
    }

    /** Nanoseconds since the epoch; exact from 1678 to 2261, clamped beyond. */
    private static long epochNanos(Instant time) {
        long s = Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, time.getEpochSecond()));
        return s * 1_000_000_000L + time.getNano();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
