package io.isthmus.store.bench;

/**
 * One storage engine under test, with the historian's row shape: tag id, time (microseconds),
 * quality, value kind, numeric value, exact integer and text. Each call is one transaction.
 */
interface Candidate extends AutoCloseable {

    String name();

    /** A class of the engine's library, to report the size of the jar it comes in. */
    Class<?> engineClass();

    /** Stores a batch and commits it. */
    void ingest(BenchData.Batch batch) throws Exception;

    /** Anything the engine needs after the last batch before the data is queryable and durable. */
    default void finishIngest() throws Exception {}

    /**
     * The query: average per tag and minute over {@code [from, to)}, every row fetched into
     * Java. Returns the number of rows; {@code checksum[0]} receives the sum of the averages.
     */
    long averagePerMinute(long fromMicros, long toMicros, double[] checksum) throws Exception;

    /**
     * The same as {@link #averagePerMinute} with the time-weighted average; -1 when the candidate has
     * none (only the chosen historian implements it: the raw engines would need the same SQL).
     */
    default long timeWeightedPerMinute(long fromMicros, long toMicros, double[] checksum) throws Exception {
        return -1;
    }

    /** Every raw sample of one tag over {@code [from, to)} in time order, fetched. Returns the count. */
    long rawRange(int tag, long fromMicros, long toMicros) throws Exception;

    @Override
    void close() throws Exception;
}
