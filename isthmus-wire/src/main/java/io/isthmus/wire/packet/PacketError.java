package io.isthmus.wire.packet;

import io.isthmus.wire.Anomaly;
import java.util.Objects;

/**
 * Headers that cannot be decoded: the layer, the problem, the absolute buffer index where that
 * layer's header starts, and the offending value (a length, a version; 0 when none).
 */
public record PacketError(Layer layer, Problem problem, int offset, long value) implements PacketResult {

    public PacketError {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(problem, "problem");
    }

    /** The protocol layer whose header is at fault. */
    public enum Layer {
        LINK,
        VLAN,
        IPV4,
        IPV6,
        TCP,
        UDP
    }

    /** What is wrong with it. */
    public enum Problem {
        /** The capture ends before the header does; {@code value} is the bytes present. */
        TRUNCATED_HEADER,
        /** The IP version nibble is not the one the link announced; {@code value} is the nibble. */
        BAD_VERSION,
        /** IPv4 IHL below 5, TCP data offset below 5; {@code value} is the field. */
        BAD_HEADER_LENGTH,
        /** IPv4 Total Length or UDP Length shorter than its own header; {@code value} is the field. */
        BAD_TOTAL_LENGTH,
        /** More VLAN tags than {@link PacketLimits#maxVlanTags()}. */
        TOO_MANY_VLAN_TAGS,
        /** More IPv6 extension headers than {@link PacketLimits#maxIpv6ExtensionHeaders()}. */
        TOO_MANY_EXTENSION_HEADERS,
        /** A link type this decoder does not open; {@code value} is the LINKTYPE_ number. */
        UNSUPPORTED_LINK_TYPE
    }

    /** A stable code such as {@code ipv4_truncated_header} and a detail naming the values. */
    public Anomaly toAnomaly() {
        String code = layer.name().toLowerCase() + "_" + problem.name().toLowerCase();
        return new Anomaly(code, detail());
    }

    public String detail() {
        return layer + " header at offset " + offset + ": "
                + problem.name().toLowerCase().replace('_', ' ') + " (" + value + ")";
    }
}
