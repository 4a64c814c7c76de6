package io.isthmus.connect.transfer.frame;

/**
 * Every bound the diode framing puts on what it decodes, in one place. A datagram that breaks one is
 * refused as {@link FrameError}, never allocated for.
 *
 * @param maxDatagramBytes the largest datagram accepted (a UDP payload is at most 65,507 bytes)
 * @param maxDataFragments data fragments of one batch (the {@code k} of the erasure code)
 * @param maxParityFragments parity fragments of one batch ({@code m}); {@code k + m} ≤ 256
 * @param maxBodyBytes bytes of one batch body (its records and hash)
 * @param maxRecords journal records in one batch body
 * @param maxManifestTags tag paths listed in one manifest frame
 * @param maxTagBytes bytes of one listed tag path
 */
public record FrameLimits(
        int maxDatagramBytes,
        int maxDataFragments,
        int maxParityFragments,
        int maxBodyBytes,
        int maxRecords,
        int maxManifestTags,
        int maxTagBytes) {

    public static final int UDP_MAX_PAYLOAD = 65_507;

    /** Generous for a LAN or loopback link; the receiver's memory is bounded by these times its window. */
    public static final FrameLimits DEFAULT =
            new FrameLimits(UDP_MAX_PAYLOAD, 200, 56, 8 * 1024 * 1024, 65_536, 64, 512);

    public FrameLimits {
        requireRange("maxDatagramBytes", maxDatagramBytes, FrameCodec.FRAGMENT_OVERHEAD + 1, UDP_MAX_PAYLOAD);
        requireRange("maxDataFragments", maxDataFragments, 1, 255);
        requireRange("maxParityFragments", maxParityFragments, 0, 256 - maxDataFragments);
        requireRange("maxBodyBytes", maxBodyBytes, BatchBody.HASH_BYTES + 4, Integer.MAX_VALUE / 2);
        requireRange("maxRecords", maxRecords, 1, Integer.MAX_VALUE);
        requireRange("maxManifestTags", maxManifestTags, 0, 65_535);
        requireRange("maxTagBytes", maxTagBytes, 1, 65_535);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be in " + min + ".." + max);
        }
    }
}
