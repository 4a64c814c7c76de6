package io.isthmus.wire.packet;

import io.isthmus.wire.Anomaly;
import java.util.EnumSet;
import java.util.Set;

/**
 * Something odd about a packet that still decoded: kept as bits in {@link DecodedPacket#anomalies()}
 * so the hot path allocates nothing for them.
 */
public enum PacketAnomaly {
    /**
     * The IPv4 header checksum (RFC 791 3.1) does not add up. Decoded anyway: captures taken on the
     * sending host may hold headers before checksum offload fills them in, so a mismatch is a hint,
     * not proof of forgery. TCP and UDP checksums are not checked at all, for the same reason
     * (Wireshark and Zeek also skip them by default).
     */
    IPV4_CHECKSUM_MISMATCH("ipv4_checksum_mismatch"),
    /** IPv4 Total Length 0, as written by TCP segmentation offload: the captured length is used. */
    IPV4_ZERO_TOTAL_LENGTH("ipv4_zero_total_length"),
    /** IPv6 Payload Length 0 (a jumbogram or offload): the captured length is used. */
    IPV6_ZERO_PAYLOAD_LENGTH("ipv6_zero_payload_length"),
    /** The capture holds fewer bytes than the IP header declares (a snap length cut it). */
    CAPTURE_TRUNCATED("capture_truncated"),
    /** The UDP Length field disagrees with the IP payload length; the shorter is used. */
    UDP_LENGTH_MISMATCH("udp_length_mismatch");

    private final String code;

    PacketAnomaly(String code) {
        this.code = code;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public String code() {
        return code;
    }

    public Anomaly toAnomaly() {
        return new Anomaly(code, name().toLowerCase().replace('_', ' '));
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final PacketAnomaly[] VALUES = values();

    public static Set<PacketAnomaly> of(int bits) {
        Set<PacketAnomaly> set = EnumSet.noneOf(PacketAnomaly.class);
        for (PacketAnomaly a : VALUES) {
            if ((bits & a.bit()) != 0) {
                set.add(a);
            }
        }
        return set;
    }
}
