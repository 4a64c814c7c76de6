package io.isthmus.insight.rul;

/**
 * Bounds on a C-MAPSS text file, so a hostile or damaged file ends in a clear error instead of an
 * unbounded allocation. The published sets have at most 61,249 rows (FD004 train), 100–249 engines
 * and at most 543 cycles per engine; the defaults leave an order of magnitude of room.
 */
public record CmapssLimits(int maxRows, int maxLineLength, int maxUnit, int maxCycle) {
    public static final CmapssLimits DEFAULT = new CmapssLimits(1_000_000, 1_024, 100_000, 100_000);

    public CmapssLimits {
        positive("maxRows", maxRows);
        positive("maxLineLength", maxLineLength);
        positive("maxUnit", maxUnit);
        positive("maxCycle", maxCycle);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
        }
    }
}
