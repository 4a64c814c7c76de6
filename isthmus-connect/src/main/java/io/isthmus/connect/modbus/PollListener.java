package io.isthmus.connect.modbus;

/** Told about every answered read, for metrics and benchmarks; called on the poller's thread. */
@FunctionalInterface
public interface PollListener {
    PollListener NONE = (block, latencyNanos, values) -> {};

    /**
     * @param latencyNanos from sending the request to the last byte of the response
     * @param values tag values decoded from it (0 for an exception response)
     */
    void polled(ReadBlock block, long latencyNanos, int values);
}
