package io.isthmus.wire.profinet;

/**
 * Bounds on what one DCP frame controls. A frame is never copied; these bound the work and the
 * text per frame.
 *
 * @param maxBlocks blocks read from one frame before the rest is an anomaly
 * @param maxNameOctets the longest NameOfStation, AliasName or TypeOfStation decoded (IEC
 *     61158-6-10 limits NameOfStation to 240 octets)
 */
public record DcpLimits(int maxBlocks, int maxNameOctets) {

    /** 64 blocks, 240-octet names. */
    public static final DcpLimits DEFAULT = new DcpLimits(64, 240);

    public DcpLimits {
        if (maxBlocks < 1) {
            throw new IllegalArgumentException("maxBlocks must be positive, was " + maxBlocks);
        }
        if (maxNameOctets < 1) {
            throw new IllegalArgumentException("maxNameOctets must be positive, was " + maxNameOctets);
        }
    }
}
