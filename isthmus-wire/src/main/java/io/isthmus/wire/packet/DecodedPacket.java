package io.isthmus.wire.packet;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;

/**
 * A packet whose headers decoded. The payload is not copied: {@code payloadOffset} is an absolute
 * index into the buffer given to {@link PacketDecoder#decode}.
 *
 * @param payloadOffset where the bytes above the last decoded header start (TCP or UDP payload; IP
 *     payload of a fragment or another protocol; what follows the EtherType of a non-IP frame)
 * @param payloadLength captured payload bytes (Ethernet padding excluded by the IP lengths)
 * @param payloadMissing bytes the headers declare beyond what was captured (snap length), 0 when
 *     the capture is whole
 * @param anomalies {@link PacketAnomaly} bits
 */
public record DecodedPacket(
        LinkHeader link,
        Network network,
        Transport transport,
        int payloadOffset,
        int payloadLength,
        int payloadMissing,
        int anomalies)
        implements PacketResult {

    public DecodedPacket {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(transport, "transport");
    }

    public Set<PacketAnomaly> anomalySet() {
        return PacketAnomaly.of(anomalies);
    }

    public boolean has(PacketAnomaly anomaly) {
        return (anomalies & anomaly.bit()) != 0;
    }

    /** A read-only view of the payload in {@code buffer} (allocates a view: for the edges). */
    public ByteBuffer payload(ByteBuffer buffer) {
        return buffer.asReadOnlyBuffer()
                .limit(payloadOffset + payloadLength)
                .position(payloadOffset)
                .slice();
    }

    /** The same packet seen on another link: a reassembled datagram keeps its last fragment's link. */
    public DecodedPacket withLink(LinkHeader other) {
        return new DecodedPacket(other, network, transport, payloadOffset, payloadLength, payloadMissing, anomalies);
    }
}
