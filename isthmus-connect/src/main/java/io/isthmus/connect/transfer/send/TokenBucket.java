package io.isthmus.connect.transfer.send;

/**
 * Pacing without feedback: a one-way link cannot say "slow down", so the sender never exceeds a
 * fixed byte rate, with a burst of at most {@code burstBytes}. Pure arithmetic on a caller-supplied
 * clock (nanoseconds), so tests need no sleeping.
 */
public final class TokenBucket {
    private final double bytesPerNano;
    private final double burstBytes;
    private double tokens;
    private long lastNanos;

    public TokenBucket(long bytesPerSecond, long burstBytes, long nowNanos) {
        if (bytesPerSecond < 1 || burstBytes < 1) {
            throw new IllegalArgumentException(
                    "bytesPerSecond " + bytesPerSecond + " and burstBytes " + burstBytes + " must be positive");
        }
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.burstBytes = burstBytes;
        this.tokens = burstBytes;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes {@code bytes} tokens and returns how long the caller must wait before sending them (0 if
     * it may send now). Tokens may go negative: the debt is what the wait pays back.
     */
    public long take(int bytes, long nowNanos) {
        refill(nowNanos);
        tokens -= bytes;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / bytesPerNano);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burstBytes, tokens + elapsed * bytesPerNano);
            lastNanos = nowNanos;
        }
    }
}
