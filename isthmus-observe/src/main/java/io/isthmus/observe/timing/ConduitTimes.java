package io.isthmus.observe.timing;

import java.util.Objects;

/**
 * What timing knows about one conduit.
 *
 * @param requests requests seen from client to server
 * @param latency request-to-response time of responses paired with their request by transaction id
 *     (Modbus transaction, S7 PDU reference, ...); empty for protocols without one
 * @param period time between two requests with the same signature (function, unit, address,
 *     quantity): the polling cycle
 * @param jitter how much one period differs from the one before it of the same signature ({@code
 *     |period(n) − period(n−1)|}, the inter-arrival jitter idea of RFC 3550, 6.4.1)
 */
public record ConduitTimes(
        ConduitKey key, long requests, DurationStats latency, DurationStats period, DurationStats jitter) {
    public ConduitTimes {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(jitter, "jitter");
    }
}
