package io.isthmus.sim.modbus;

/**
 * A snapshot of a server's counters since it started.
 *
 * @param requests frames received (every MBAP frame, decodable or not)
 * @param exceptions exception responses sent
 * @param malformedFrames MBAP frames that broke framing; each closed its connection
 * @param malformedPdus well-framed PDUs that did not decode; each was answered with an exception
 * @param connectionsAccepted connections served
 * @param connectionsRejected connections closed at once because the cap was reached
 * @param connectionsIdleClosed connections closed after the idle timeout
 * @param connectionsOpen connections open now
 */
public record ModbusServerStats(
        long requests,
        long exceptions,
        long malformedFrames,
        long malformedPdus,
        long connectionsAccepted,
        long connectionsRejected,
        long connectionsIdleClosed,
        int connectionsOpen) {

    /** Malformed input of either layer. */
    public long malformed() {
        return malformedFrames + malformedPdus;
    }
}
