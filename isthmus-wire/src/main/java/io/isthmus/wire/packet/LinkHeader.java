package io.isthmus.wire.packet;

import io.isthmus.model.MacAddress;
import java.util.Optional;

/**
 * The link layer of a packet.
 *
 * @param dstMac destination MAC in the low 48 bits, {@link #NONE} when the link has none (raw IP,
 *     loopback, Linux cooked captures)
 * @param srcMac source MAC, {@link #NONE} when absent (Linux cooked captures give it when the
 *     link-layer address is six bytes long)
 * @param outerVlan the first 802.1Q/802.1ad tag's VLAN id (IEEE 802.1Q 9.6: the low 12 bits of the
 *     TCI), {@link #NONE} when untagged
 * @param innerVlan the second tag's VLAN id (the customer tag of QinQ), {@link #NONE} without one
 * @param etherType the network-layer type after any tags (0x0800 IPv4, 0x86DD IPv6, 0x8892
 *     PROFINET); values below 0x0600 are IEEE 802.3 lengths with LLC following. Raw-IP and loopback
 *     links report the EtherType of the IP version found.
 * @param networkOffset where the network header starts in the buffer
 */
public record LinkHeader(long dstMac, long srcMac, int outerVlan, int innerVlan, int etherType, int networkOffset) {
    public static final int NONE = -1;

    /** The same link fields for a network header at another place (a reassembled datagram). */
    public LinkHeader at(int offset) {
        return new LinkHeader(dstMac, srcMac, outerVlan, innerVlan, etherType, offset);
    }

    public Optional<MacAddress> source() {
        return srcMac == NONE ? Optional.empty() : Optional.of(new MacAddress(srcMac));
    }

    public Optional<MacAddress> destination() {
        return dstMac == NONE ? Optional.empty() : Optional.of(new MacAddress(dstMac));
    }

    public boolean tagged() {
        return outerVlan != NONE;
    }
}
