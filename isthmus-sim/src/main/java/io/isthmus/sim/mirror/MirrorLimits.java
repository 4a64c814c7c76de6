package io.isthmus.sim.mirror;

/**
 * Bounds of the mirror port.
 *
 * @param queueFrames frames buffered for the reader; beyond this, frames are dropped and counted,
 *     as an oversubscribed SPAN port drops them, so a slow sensor never slows down the PLCs
 * @param segmentBytes the largest TCP payload of one frame (1460: a 1500-byte Ethernet MTU less
 *     the IPv4 and TCP headers); longer writes are cut into several segments
 */
public record MirrorLimits(int queueFrames, int segmentBytes) {
    public static final MirrorLimits DEFAULT = new MirrorLimits(16_384, 1460);

    public MirrorLimits {
        if (queueFrames < 1 || queueFrames > 1 << 22) {
            throw new IllegalArgumentException("mirror queueFrames must be 1..4194304, was " + queueFrames);
        }
        if (segmentBytes < 1 || segmentBytes > 65_495) {
            throw new IllegalArgumentException("mirror segmentBytes must be 1..65495, was " + segmentBytes);
        }
    }
}
