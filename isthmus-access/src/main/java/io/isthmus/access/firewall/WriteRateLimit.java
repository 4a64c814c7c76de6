package io.isthmus.access.firewall;

/**
 * Writes (and control operations) allowed per client address: a token bucket of {@code burst}
 * tokens refilled at {@code perSecond}. Reads are not limited here: the policy decides them.
 */
public record WriteRateLimit(double perSecond, int burst) {
    /** No limit beyond the policy's. */
    public static final WriteRateLimit UNLIMITED = new WriteRateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE);

    public WriteRateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException(
                    "write rate must be > 0 per second with a burst >= 1, was " + perSecond + "/s burst " + burst);
        }
    }

    public boolean unlimited() {
        return Double.isInfinite(perSecond);
    }
}
