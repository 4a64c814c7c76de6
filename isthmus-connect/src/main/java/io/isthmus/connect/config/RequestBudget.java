package io.isthmus.connect.config;

/**
 * How hard one device may be asked: a token bucket of {@code requestsPerSecond} refilling up to
 * {@code burst} tokens, and at most {@code maxInFlight} unanswered requests per connection.
 *
 * <p>The default, 50 requests/s with a burst of 10 and one request in flight, is within what small
 * PLCs serve without delaying their scan; raise it for devices that document more.
 */
public record RequestBudget(double requestsPerSecond, int burst, int maxInFlight) {
    public static final RequestBudget DEFAULT = new RequestBudget(50, 10, 1);

    public RequestBudget {
        if (!(requestsPerSecond > 0) || requestsPerSecond > 100_000) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0 and <= 100000, was " + requestsPerSecond);
        }
        if (burst < 1 || burst > 10_000) {
            throw new IllegalArgumentException("burst must be 1..10000, was " + burst);
        }
        if (maxInFlight != 1) {
            throw new IllegalArgumentException(
                    "maxInFlight must be 1: the driver keeps one request in flight per connection, was " + maxInFlight);
        }
    }
}
