package io.isthmus.connect.opcua;

/**
 * Bounds on one walk of a server's address space, so that a server with a huge or cyclic tree
 * cannot keep the browser busy or fill memory.
 *
 * @param maxDepth levels below Objects to descend (1..64)
 * @param maxNodes nodes to visit at most (1..1,000,000); the result says when the walk stopped early
 * @param includeStandardNodes also walk namespace 0 below Objects (the Server object and its
 *     diagnostics), which is rarely process data
 */
public record BrowseLimits(int maxDepth, int maxNodes, boolean includeStandardNodes) {
    public static final BrowseLimits DEFAULT = new BrowseLimits(12, 10_000, false);

    public BrowseLimits {
        if (maxDepth < 1 || maxDepth > 64) {
            throw new IllegalArgumentException("browse maxDepth must be 1..64, was " + maxDepth);
        }
        if (maxNodes < 1 || maxNodes > 1_000_000) {
            throw new IllegalArgumentException("browse maxNodes must be 1..1000000, was " + maxNodes);
        }
    }
}
