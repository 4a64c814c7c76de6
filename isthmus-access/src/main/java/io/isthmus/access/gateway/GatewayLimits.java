package io.isthmus.access.gateway;

import java.time.Duration;

/**
 * The gateway's bounds.
 *
 * @param sessionLifetime how long a login lasts
 * @param maxSessions live sessions at most; further logins are refused until some expire
 * @param approvalExpiry how long a second person has to approve a change
 * @param maxPending open approval requests at most
 * @param maxBatch items per write request
 */
public record GatewayLimits(
        Duration sessionLifetime, int maxSessions, Duration approvalExpiry, int maxPending, int maxBatch) {
    public static final GatewayLimits DEFAULT =
            new GatewayLimits(Duration.ofMinutes(15), 10_000, Duration.ofMinutes(10), 1_000, 100);

    public GatewayLimits {
        if (sessionLifetime.isNegative()
                || sessionLifetime.isZero()
                || sessionLifetime.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("sessionLifetime must be in (0, 12 h], was " + sessionLifetime);
        }
        if (approvalExpiry.isNegative()
                || approvalExpiry.isZero()
                || approvalExpiry.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("approvalExpiry must be in (0, 1 day], was " + approvalExpiry);
        }
        if (maxSessions < 1 || maxPending < 1 || maxBatch < 1 || maxBatch > 10_000) {
            throw new IllegalArgumentException("maxSessions, maxPending must be positive and maxBatch 1..10000, were "
                    + maxSessions + ", " + maxPending + ", " + maxBatch);
        }
    }
}
