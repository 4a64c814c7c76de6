package io.isthmus.connect.poll;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket of {@code ratePerSecond} tokens per second holding at most {@code burst}. A
 * caller reserves a token and sleeps for the returned wait, so the bucket never spins and
 * reservations are served in order. Over any interval of length t no more than {@code burst +
 * rate * t} tokens are handed out.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, int burst) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Takes one token; returns how many nanoseconds the caller must wait before using it. */
    public synchronized long reserve() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }

    /** Takes one token, sleeping as long as the budget requires. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
