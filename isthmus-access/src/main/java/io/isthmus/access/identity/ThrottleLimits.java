package io.isthmus.access.identity;

import java.time.Duration;

/**
 * Lockout and throttling of failed logins (NIST SP 800-63B section 5.2.2 asks for at most 100
 * consecutive failures per account; we are stricter).
 *
 * @param accountFailures failures within {@code window} after which the account is locked
 * @param sourceFailures failures from one source address within {@code window} after which that
 *     address is throttled, whichever account it tries (password spraying)
 * @param window how long a failure counts
 * @param lockout how long a lock or throttle lasts
 * @param maxTracked accounts plus addresses tracked; the least recently failed are forgotten first
 */
public record ThrottleLimits(
        int accountFailures, int sourceFailures, Duration window, Duration lockout, int maxTracked) {
    public static final ThrottleLimits DEFAULT =
            new ThrottleLimits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), 100_000);

    public ThrottleLimits {
        if (accountFailures < 1 || sourceFailures < 1) {
            throw new IllegalArgumentException(
                    "failure thresholds must be at least 1, were " + accountFailures + " and " + sourceFailures);
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException(
                    "window and lockout must be positive, were " + window + " and " + lockout);
        }
        if (maxTracked < 16) {
            throw new IllegalArgumentException("maxTracked must be at least 16, was " + maxTracked);
        }
    }
}
