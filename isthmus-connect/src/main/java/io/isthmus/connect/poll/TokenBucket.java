package io.isthmus.connect.poll;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket of {@code ratePerSecond} tokens per second holding at most {@code burst}. A
 * caller reserves a token and sleeps for the returned wait, so the bucket never spins and
 * reservations are served in order. Over any interval of length t no more than {@code burst +
 * rate * t} tokens are handed out.
 *
 * <p>Kept as one number, the theoretical arrival time of the next token (the generic cell rate
 * algorithm, ITU-T I.371): the bucket is full when that time is not in the future, a token taken
 * moves it one interval ({@code 1 / rate}) on, and a caller waits for whatever lies more than
 * {@code burst} intervals ahead. A reservation is one compare-and-set, with no
 * lock and no sleep while the caller is within its budget; a poller takes one per request.
 */
public final class TokenBucket {
    private static final long MAX_INTERVAL_NANOS = 86_400_000_000_000L;

    private final long interval;
    private final long tolerance;
    private final LongSupplier clock;
    private final AtomicLong next;

    public TokenBucket(double ratePerSecond, int burst) {
        this(ratePerSecond, burst, System::nanoTime);
    }

    /** A bucket on {@code nanoClock} ({@link System#nanoTime} but in tests), full at its current time. */
    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        // rounded up, so the rounding never lets more than the budget through; at most a day
        this.interval = (long) Math.min(MAX_INTERVAL_NANOS, Math.max(1, Math.ceil(1e9 / ratePerSecond)));
        this.tolerance = interval * Math.min(burst, MAX_INTERVAL_NANOS / interval);
        this.clock = nanoClock;
        this.next = new AtomicLong(nanoClock.getAsLong()); // full
    }

    /** Takes one token; returns how many nanoseconds the caller must wait before using it. */
    public long reserve() {
        long now = clock.getAsLong();
        while (true) {
            long at = next.get();
            long from = at - now < 0 ? now : at; // a full bucket holds no more
            long after = from + interval;
            if (next.compareAndSet(at, after)) {
                long wait = after - now - tolerance;
                return wait > 0 ? wait : 0;
            }
        }
    }

    /** Takes one token, sleeping as long as the budget requires. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
