package io.isthmus.wire.packet;

/**
 * Bounds on the header chains a packet can claim.
 *
 * @param maxVlanTags 802.1Q/802.1ad tags walked in one frame (two for QinQ; IEEE 802.1Q 6.9 allows
 *     stacking, switches rarely go past three)
 * @param maxIpv6ExtensionHeaders IPv6 extension headers walked before the transport header (RFC
 *     8200 4.1 expects at most one of each kind, about eight in total)
 */
public record PacketLimits(int maxVlanTags, int maxIpv6ExtensionHeaders) {

    /** Four VLAN tags, eight IPv6 extension headers. */
    public static final PacketLimits DEFAULT = new PacketLimits(4, 8);

    public PacketLimits {
        if (maxVlanTags < 0 || maxVlanTags > 64) {
            throw new IllegalArgumentException("maxVlanTags must be 0..64, was " + maxVlanTags);
        }
        if (maxIpv6ExtensionHeaders < 0 || maxIpv6ExtensionHeaders > 64) {
            throw new IllegalArgumentException("maxIpv6ExtensionHeaders must be 0..64, was " + maxIpv6ExtensionHeaders);
        }
    }
}
