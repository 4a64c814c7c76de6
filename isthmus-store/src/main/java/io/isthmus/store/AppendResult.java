package io.isthmus.store;

import java.util.OptionalLong;

/**
 * What an append stored.
 *
 * @param samplesStored samples written
 * @param recordsSkipped journal records ignored because their sequence was already stored (0 for a
 *     plain append)
 * @param highestSequence the journal's high-water mark after the append; empty for a plain append
 * @param samplesRefused samples not written because their source time lies outside {@link
 *     TimeRange#STORABLE}; the rest of the append is stored, and a journal record counts as stored
 *     even when some or all of its samples were refused (an anomaly for the caller to count and log,
 *     not a reason to redeliver)
 */
public record AppendResult(long samplesStored, int recordsSkipped, OptionalLong highestSequence, long samplesRefused) {

    public AppendResult(long samplesStored, int recordsSkipped, OptionalLong highestSequence) {
        this(samplesStored, recordsSkipped, highestSequence, 0);
    }
}
