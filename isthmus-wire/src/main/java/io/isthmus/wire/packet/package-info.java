/**
 * Zero-copy decoding of the headers under an industrial protocol: Ethernet II with 802.1Q/QinQ
 * tags, Linux cooked captures (SLL, SLL2), BSD loopback, raw IP, IPv4, IPv6 with its extension
 * headers, UDP and TCP, and PROFINET's EtherType 0x8892.
 *
 * <p>Role in the OBSERVE flow: {@link io.isthmus.wire.packet.PacketDecoder#decode} takes a captured
 * packet where it lies in the capture reader's buffer and returns a {@link
 * io.isthmus.wire.packet.DecodedPacket} whose payload is an offset and length into that same
 * buffer, or a {@link io.isthmus.wire.packet.PacketError} naming the layer and offset where the
 * headers stop making sense. On the hot path the same headers go into a reusable {@link
 * io.isthmus.wire.packet.PacketView} instead, one per pipeline, re-filled per packet and never kept
 * past the call. {@code isthmus-observe}'s flow package reassembles IPv4 fragments and TCP streams
 * from these and hands payload bytes to the protocol dissectors.
 *
 * <p>Addresses stay primitive on this hot path (MACs in a {@code long}, IP addresses as two longs
 * with IPv4 as {@code ::ffff:a.b.c.d}); {@link io.isthmus.wire.packet.IpAddress} and {@link
 * io.isthmus.model.MacAddress} convert them at the edges.
 */
package io.isthmus.wire.packet;
