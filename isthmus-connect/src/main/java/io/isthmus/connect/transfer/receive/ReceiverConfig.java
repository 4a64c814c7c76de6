package io.isthmus.connect.transfer.receive;

import io.isthmus.connect.transfer.frame.FrameLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the IT-side receiver listens and when it gives a batch up.
 *
 * @param listen the local address and UDP port to receive on
 * @param reorderWindow a missing batch is lost once a batch this many sequences later has been seen
 * @param gapTimeout ...or once this long has passed since a later batch or heartbeat showed it exists
 * @param maxBufferedBytes bytes held for batches not yet delivered: fragments of incomplete ones and
 *     the bodies of complete ones waiting behind a missing batch; beyond it the oldest missing or
 *     incomplete batch is given up (64 MiB: the reorder window of 512 default 64 KiB batches with
 *     their fragments, about 150 batches of 47 jumbo fragments)
 * @param maxSessions sender epochs tracked at once (a live sender plus replays and restarts)
 * @param receiveBufferBytes the socket receive buffer asked for (the kernel caps it at rmem_max)
 * @param warmUp how long the receiver may drive its own path with synthetic batches while it waits
 *     for the first datagram, so that the JIT has compiled it before real traffic ({@link
 *     ReceiverWarmUp}; ends at the first datagram; {@link Duration#ZERO}: none)
 */
public record ReceiverConfig(
        InetSocketAddress listen,
        int reorderWindow,
        Duration gapTimeout,
        long maxBufferedBytes,
        int maxSessions,
        int receiveBufferBytes,
        FrameLimits limits,
        Duration warmUp) {

    /** The default {@link #warmUp}. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(3);

    /** The longest {@link #warmUp}: it runs once per start, on a core of its own. */
    public static final Duration MAX_WARM_UP = Duration.ofSeconds(60);

    public ReceiverConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(gapTimeout, "gapTimeout");
        if (reorderWindow < 1 || reorderWindow > 1_000_000) {
            throw new IllegalArgumentException("reorderWindow is " + reorderWindow + "; it must be in 1..1000000");
        }
        if (gapTimeout.compareTo(Duration.ofMillis(10)) < 0 || gapTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("gapTimeout is " + gapTimeout + "; it must be in 10ms..1h");
        }
        if (maxBufferedBytes < limits.maxBodyBytes()) {
            throw new IllegalArgumentException("maxBufferedBytes is " + maxBufferedBytes
                    + "; it must hold at least one batch body (" + limits.maxBodyBytes() + ")");
        }
        if (maxSessions < 1 || maxSessions > 1024) {
            throw new IllegalArgumentException("maxSessions is " + maxSessions + "; it must be in 1..1024");
        }
        if (receiveBufferBytes < 65_536) {
            throw new IllegalArgumentException("receiveBufferBytes is " + receiveBufferBytes + "; at least 65536");
        }
        Objects.requireNonNull(warmUp, "warmUp");
        if (warmUp.isNegative() || warmUp.compareTo(MAX_WARM_UP) > 0) {
            throw new IllegalArgumentException("warmUp is " + warmUp + "; it must be in 0s..60s");
        }
    }

    public static ReceiverConfig defaults(InetSocketAddress listen) {
        return new ReceiverConfig(
                listen,
                512,
                Duration.ofSeconds(2),
                64L * 1024 * 1024,
                8,
                64 * 1024 * 1024,
                FrameLimits.DEFAULT,
                DEFAULT_WARM_UP);
    }

    public ReceiverConfig withGapTimeout(Duration timeout) {
        return new ReceiverConfig(
                listen, reorderWindow, timeout, maxBufferedBytes, maxSessions, receiveBufferBytes, limits, warmUp);
    }

    public ReceiverConfig withReceiveBufferBytes(int bytes) {
        return new ReceiverConfig(
                listen, reorderWindow, gapTimeout, maxBufferedBytes, maxSessions, bytes, limits, warmUp);
    }

    public ReceiverConfig withReorderWindow(int window) {
        return new ReceiverConfig(
                listen, window, gapTimeout, maxBufferedBytes, maxSessions, receiveBufferBytes, limits, warmUp);
    }

    public ReceiverConfig withWarmUp(Duration limit) {
        return new ReceiverConfig(
                listen, reorderWindow, gapTimeout, maxBufferedBytes, maxSessions, receiveBufferBytes, limits, limit);
    }
}
