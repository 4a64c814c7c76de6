package io.isthmus.connect.journal;

/**
 * Bounds for one encoded sample batch. The decoder refuses anything beyond them before it allocates;
 * the encoder refuses to produce anything the decoder would refuse.
 *
 * @param maxSamples samples in one batch
 * @param maxPaths distinct tag paths in one batch
 * @param maxTextBytes UTF-8 bytes of one text value
 */
public record SampleBatchLimits(int maxSamples, int maxPaths, int maxTextBytes) {
    public static final SampleBatchLimits DEFAULTS = new SampleBatchLimits(65_536, 65_536, 4_096);

    public SampleBatchLimits {
        requireRange("maxSamples", maxSamples, 1, 1 << 24);
        requireRange("maxPaths", maxPaths, 1, 1 << 24);
        requireRange("maxTextBytes", maxTextBytes, 0, 1 << 24);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be in " + min + ".." + max);
        }
    }
}
