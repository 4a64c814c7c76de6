package io.isthmus.wire.capture;

/**
 * The link-layer header type of a capture's packets, keyed by the LINKTYPE_ number that pcap file
 * headers and pcapng interface description blocks carry (tcpdump.org link-layer header types;
 * draft-ietf-opsawg-pcaplinktype).
 */
public enum LinkType {
    /** 0: BSD loopback; a 4-byte address family in the capturing host's byte order. */
    NULL(0),
    /** 1: Ethernet II / IEEE 802.3 with a 14-byte MAC header. */
    ETHERNET(1),
    /**
     * 101: raw IPv4 or IPv6, told apart by the version nibble. The DLT values 12 and 14 that some
     * old files carry in place of LINKTYPE_RAW mean the same.
     */
    RAW(101),
    /** 108: OpenBSD loopback; like {@link #NULL} with the family in network byte order. */
    LOOP(108),
    /** 113: Linux "cooked" capture, version 1 (a 16-byte pseudo header). */
    LINUX_SLL(113),
    /** 228: raw IPv4. */
    IPV4(228),
    /** 229: raw IPv6. */
    IPV6(229),
    /** 276: Linux "cooked" capture, version 2 (a 20-byte pseudo header). */
    LINUX_SLL2(276),
    /** Any other link type: its packets are counted, not decoded. */
    UNKNOWN(-1);

    private final int code;

    LinkType(int code) {
        this.code = code;
    }

    /** The LINKTYPE_ number, or -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** The link type for a LINKTYPE_ number from a file; never throws. */
    public static LinkType of(int code) {
        return switch (code) {
            case 0 -> NULL;
            case 1 -> ETHERNET;
            case 12, 14, 101 -> RAW;
            case 108 -> LOOP;
            case 113 -> LINUX_SLL;
            case 228 -> IPV4;
            case 229 -> IPV6;
            case 276 -> LINUX_SLL2;
            default -> UNKNOWN;
        };
    }
}
