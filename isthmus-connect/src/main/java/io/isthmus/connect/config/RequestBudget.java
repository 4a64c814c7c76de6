package io.isthmus.connect.config;

/**
 * How hard one device may be asked: a token bucket of {@code requestsPerSecond} refilling up to
 * {@code burst} tokens, and at most {@code maxInFlight} unanswered requests per connection.
 *
 * <p>The default, 50 requests/s with a burst of 10 and one request in flight, is within what small
 * PLCs serve without delaying their scan; raise it for devices that document more. With {@code
 * maxInFlight} above 1 the driver pipelines a poll cycle's reads on Modbus/TCP (Messaging on TCP/IP
 * Implementation Guide V1.0b, section 4.2.1: a client may send several requests without waiting,
 * paired with their responses by transaction identifier); every request still takes its token, so
 * the rate and burst hold. Many small PLCs and gateways serve one request at a time or drop the
 * connection when a second one arrives: raise it only for devices that document more.
 */
public record RequestBudget(double requestsPerSecond, int burst, int maxInFlight) {
    public static final RequestBudget DEFAULT = new RequestBudget(50, 10, 1);

    /** Upper bound of {@link #maxInFlight}: sixteen maximal responses fit the driver's receive buffer. */
    public static final int MAX_IN_FLIGHT = 16;

    public RequestBudget {
        if (!(requestsPerSecond > 0) || requestsPerSecond > 100_000) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0 and <= 100000, was " + requestsPerSecond);
        }
        if (burst < 1 || burst > 10_000) {
            throw new IllegalArgumentException("burst must be 1..10000, was " + burst);
        }
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight must be 1.." + MAX_IN_FLIGHT + ", was " + maxInFlight);
        }
    }
}
