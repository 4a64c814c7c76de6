package io.isthmus.store;

import java.util.OptionalLong;

/**
 * What an append stored.
 *
 * @param samplesStored samples written
 * @param recordsSkipped journal records ignored because their sequence was already stored (0 for a
 *     plain append)
 * @param highestSequence the journal's high-water mark after the append; empty for a plain append
 */
public record AppendResult(long samplesStored, int recordsSkipped, OptionalLong highestSequence) {}
