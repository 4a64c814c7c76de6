package io.isthmus.wire.capture;

/**
 * Every size or count a capture file claims, bounded before use.
 *
 * @param maxPacketBytes the largest captured packet accepted (bytes actually stored for one
 *     packet). 256 KiB is libpcap's {@code MAXIMUM_SNAPLEN}; tcpdump and dumpcap never write more.
 * @param maxBlockBytes the largest pcapng block accepted (a packet block plus its options, or a
 *     name-resolution or custom block); the reader needs this much buffer at most
 * @param maxInterfaces interface description blocks accepted per pcapng section
 */
public record CaptureLimits(int maxPacketBytes, int maxBlockBytes, int maxInterfaces) {

    /** 256 KiB packets, 16 MiB blocks, 1024 interfaces per section. */
    public static final CaptureLimits DEFAULT = new CaptureLimits(256 * 1024, 16 * 1024 * 1024, 1024);

    /** The smallest block limit: a maximal packet in an enhanced packet block with some options. */
    private static final int BLOCK_OVERHEAD = 64 * 1024;

    public CaptureLimits {
        if (maxPacketBytes < 64) {
            throw new IllegalArgumentException("maxPacketBytes must be at least 64, was " + maxPacketBytes);
        }
        if (maxBlockBytes < maxPacketBytes + BLOCK_OVERHEAD || maxBlockBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(
                    "maxBlockBytes must be between maxPacketBytes + 64 KiB and 2 GiB - 64, was " + maxBlockBytes);
        }
        if (maxInterfaces < 1) {
            throw new IllegalArgumentException("maxInterfaces must be at least 1, was " + maxInterfaces);
        }
    }

    /**
     * The most bytes a reader must hold at once to make progress: a whole block or record. A
     * buffer this large never sees {@link CaptureRecord.NeedMore} ask for more than it can take.
     */
    public int maxRecordBytes() {
        return maxBlockBytes;
    }
}
