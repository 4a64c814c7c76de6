package io.isthmus.connect.transfer.link;

/**
 * What the impaired link does to datagrams, each with its own probability, from one seed so a run
 * can be repeated. Stands in for netem, which this project's CI kernel lacks (docs/transfer.md).
 *
 * @param reorderDepth a reordered datagram is held back until this many later ones have passed
 */
public record Impairment(double loss, double duplicate, double reorder, int reorderDepth, double bitFlip, long seed) {
    public Impairment {
        for (double p : new double[] {loss, duplicate, reorder, bitFlip}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + p + " must be in 0..1");
            }
        }
        if (reorderDepth < 1) {
            throw new IllegalArgumentException("reorderDepth is " + reorderDepth + "; at least 1");
        }
    }

    public static Impairment none(long seed) {
        return new Impairment(0, 0, 0, 1, 0, seed);
    }

    public static Impairment lossOnly(double loss, long seed) {
        return new Impairment(loss, 0, 0, 1, 0, seed);
    }
}
