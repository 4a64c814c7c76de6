package io.isthmus.store.duckdb;

/**
 * Bounds of the block format ({@link BlockCodec}).
 *
 * @param maxSamples the most samples one block may hold; a decoded block allocates its columns only
 *     after its count is checked against this (and against its length), so a corrupt count cannot
 *     ask for more. It is a property of the file format, not a tuning knob: lowering it would make
 *     blocks already written unreadable. What the writer puts in a block is {@code
 *     HistorianConfig.blockSamples}, at most this.
 */
record BlockLimits(int maxSamples) {
    static final BlockLimits DEFAULT = new BlockLimits(65_536);

    BlockLimits {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be at least 1, not " + maxSamples);
        }
    }
}
