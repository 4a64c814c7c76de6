package io.isthmus.access.identity;

import java.time.Duration;

/**
 * The bounds of token verification.
 *
 * @param maxChars longest token accepted, before any decoding
 * @param maxLifetime longest {@code exp - nbf} accepted: tokens are short-lived, which also bounds
 *     how long a used id must be remembered
 * @param clockSkew tolerance on {@code nbf} and {@code exp} for clocks that differ a little
 * @param maxRemembered used token ids kept; when full of unexpired ids, new tokens are refused
 *     (fail closed) rather than forgetting one that could then be replayed
 */
public record TokenLimits(int maxChars, Duration maxLifetime, Duration clockSkew, int maxRemembered) {
    public static final TokenLimits DEFAULT =
            new TokenLimits(4096, Duration.ofMinutes(15), Duration.ofSeconds(30), 100_000);

    public TokenLimits {
        if (maxChars < 64 || maxChars > 65_536) {
            throw new IllegalArgumentException("maxChars must be 64..65536, was " + maxChars);
        }
        if (maxLifetime.isNegative() || maxLifetime.isZero() || maxLifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("maxLifetime must be in (0, 1 day], was " + maxLifetime);
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("clockSkew must be 0..5 min, was " + clockSkew);
        }
        if (maxRemembered < 1) {
            throw new IllegalArgumentException("maxRemembered must be at least 1, was " + maxRemembered);
        }
    }
}
