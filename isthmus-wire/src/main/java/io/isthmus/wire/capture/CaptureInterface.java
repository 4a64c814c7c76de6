package io.isthmus.wire.capture;

import java.util.Objects;

/**
 * One capture interface: the only one of a classic pcap file, or one pcapng interface description
 * block (pcapng 4.2) with the options that change how its packets are read.
 *
 * @param snapLength the most bytes stored per packet, 0 for no limit
 * @param timestampOffsetSeconds {@code if_tsoffset}: seconds added to every timestamp
 */
public record CaptureInterface(
        int id, int linkTypeCode, int snapLength, TimeResolution resolution, long timestampOffsetSeconds) {

    public CaptureInterface {
        Objects.requireNonNull(resolution, "resolution");
    }

    public LinkType linkType() {
        return LinkType.of(linkTypeCode);
    }

    /** Epoch nanoseconds of a timestamp in this interface's units. */
    public long toEpochNanos(long ticks) {
        long nanos = resolution.toNanos(ticks);
        if (timestampOffsetSeconds == 0) {
            return nanos;
        }
        long offset = TimeResolution.saturatingMultiply(Math.abs(timestampOffsetSeconds), 1_000_000_000L);
        return timestampOffsetSeconds > 0 ? TimeResolution.saturatingAdd(nanos, offset) : nanos - offset;
    }
}
