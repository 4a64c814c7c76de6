package io.isthmus.connect.modbus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one timer of a {@link ModbusConnection}: a virtual thread that runs {@code onExpiry} (closing
 * the socket) when the connect or a request outlives its deadline, so the socket itself never has a
 * timeout.
 *
 * <p>Why not {@code SO_TIMEOUT}: with a read timeout the JDK's socket turns non-blocking for good,
 * and every read that waits becomes {@code read} (EAGAIN), {@code poll}, {@code read} on a platform
 * thread, and on a virtual thread a timed park that schedules and cancels a wake-up on the
 * scheduler's timer thread — per round trip (profile in docs/benchmarks.md, "Modbus polling"). A
 * blocking socket waits in one {@code read}.
 *
 * <p>Arming and disarming cost a few volatile accesses and one atomic swap, and do not wake this
 * thread: it sleeps until the deadline it last saw (or for {@code idleNanos} when nothing is armed),
 * and finding a later deadline there, sleeps on until that one. Only a deadline earlier than the one
 * it sleeps towards (a request timeout shorter than the connect timeout, or than {@code idleNanos})
 * wakes it at once. So a busy connection wakes it about once per timeout, and an expiry is seen at
 * the deadline itself, plus the scheduler's delay.
 *
 * <p>The timer holds its owner (the connection) only weakly: an owner that was never closed and is
 * no longer reachable is seen at the next wake-up after the collector cleared it, and then {@code
 * onExpiry} runs (the socket is closed, so the device is not left with a connection nobody reads)
 * and the timer ends. Without this a forgotten connection would keep its socket and its timer
 * thread for as long as the process runs.
 */
final class DeadlineWatchdog implements AutoCloseable {
    /** Nothing armed. {@link #arm} never stores it as a deadline. */
    private static final long IDLE = Long.MIN_VALUE;

    private static final VarHandle DEADLINE;

    static {
        try {
            DEADLINE = MethodHandles.lookup().findVarHandle(DeadlineWatchdog.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long idleNanos;
    private final Runnable onExpiry;
    private final Thread thread;
    private volatile long deadline = IDLE;
    /** Where the timer's current sleep ends; an earlier deadline must wake it. */
    private volatile long sleepingUntil;

    private volatile boolean expired;
    private volatile boolean closed;
    /** Set once by {@link #watch}; until then the timer runs for whoever created it. */
    private volatile WeakReference<Object> owner;

    private volatile boolean abandoned;

    /**
     * Starts the timer. With {@code idleNanos} no longer than the shortest timeout that will be
     * armed, arming never has to wake it.
     */
    DeadlineWatchdog(String name, long idleNanos, Runnable onExpiry) {
        if (idleNanos <= 0) {
            throw new IllegalArgumentException("idleNanos must be positive, was " + idleNanos);
        }
        this.idleNanos = idleNanos;
        this.onExpiry = onExpiry;
        this.sleepingUntil = System.nanoTime();
        this.thread = Thread.ofVirtual().name(name).start(this::run);
    }

    /**
     * From now on, the timer ends (running {@code onExpiry}) once {@code owner} has been collected
     * without {@link #close()}. {@code onExpiry} must not refer to the owner, or it never will be.
     */
    void watch(Object owner) {
        this.owner = new WeakReference<>(owner);
    }

    /** True once the timer has ended because its owner was collected unclosed. */
    boolean abandoned() {
        return abandoned;
    }

    /** Starts a wait of at most {@code timeoutNanos} from now. */
    void arm(long timeoutNanos) {
        long d = System.nanoTime() + timeoutNanos;
        if (d == IDLE) {
            d++;
        }
        deadline = d;
        // the timer publishes its wake-up time before it checks the deadline a last time and sleeps:
        // either it sees this deadline, or this sees a wake-up time to compare with
        if (d - sleepingUntil < 0) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Ends the wait armed last. Returns false when it had already expired: then {@code onExpiry} has
     * run or is running, and whatever the wait produced came too late.
     */
    boolean disarm() {
        return (long) DEADLINE.getAndSet(this, IDLE) != IDLE;
    }

    /** True once a deadline has passed: a failure of the connection since then is a timeout. */
    boolean expired() {
        return expired;
    }

    private void run() {
        while (!closed) {
            WeakReference<Object> o = owner;
            if (o != null && o.refersTo(null)) {
                abandoned = true;
                closed = true;
                onExpiry.run();
                return;
            }
            long d = deadline;
            long now = System.nanoTime();
            if (d != IDLE && now - d >= 0) {
                if (DEADLINE.compareAndSet(this, d, IDLE)) {
                    expired = true;
                    onExpiry.run();
                }
                continue;
            }
            long until = d == IDLE ? now + idleNanos : d;
            sleepingUntil = until;
            if (deadline == d) {
                LockSupport.parkNanos(this, until - now);
            }
        }
    }

    /** Stops the timer (an expiry already under way still runs: it only closes the socket). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
