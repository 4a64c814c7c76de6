package io.isthmus.wire.packet;

import static io.isthmus.wire.packet.Frames.MAC_A;
import static io.isthmus.wire.packet.Frames.MAC_B;
import static io.isthmus.wire.packet.Frames.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.isthmus.wire.capture.LinkType;
import io.isthmus.wire.packet.PacketError.Layer;
import io.isthmus.wire.packet.PacketError.Problem;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Headers that cannot be decoded end in one typed error naming the layer, the offset and the value. */
class PacketErrorTest {
    private final PacketDecoder decoder = new PacketDecoder();

    static Stream<Arguments> malformed() {
        byte[] udp4 = PacketDecoderTest.udpOverIpv4();
        return Stream.of(
                arguments(
                        "Ethernet header of 13 bytes",
                        LinkType.ETHERNET,
                        new byte[13],
                        Layer.LINK,
                        Problem.TRUNCATED_HEADER,
                        0,
                        13),
                arguments(
                        "VLAN tag cut short",
                        LinkType.ETHERNET,
                        Arrays.copyOf(Frames.ethernet(MAC_B, MAC_A, 0x0800, new byte[0], 0x8100, 5), 16),
                        Layer.VLAN,
                        Problem.TRUNCATED_HEADER,
                        14,
                        2),
                arguments(
                        "SLL header of 15 bytes",
                        LinkType.LINUX_SLL,
                        new byte[15],
                        Layer.LINK,
                        Problem.TRUNCATED_HEADER,
                        0,
                        15),
                arguments(
                        "SLL2 header of 19 bytes",
                        LinkType.LINUX_SLL2,
                        new byte[19],
                        Layer.LINK,
                        Problem.TRUNCATED_HEADER,
                        0,
                        19),
                arguments(
                        "loopback family cut short",
                        LinkType.NULL,
                        new byte[3],
                        Layer.LINK,
                        Problem.TRUNCATED_HEADER,
                        0,
                        3),
                arguments(
                        "raw IP with version 5",
                        LinkType.RAW,
                        new byte[] {0x50, 0, 0, 0},
                        Layer.LINK,
                        Problem.BAD_VERSION,
                        0,
                        5),
                arguments("an empty raw packet", LinkType.RAW, new byte[0], Layer.LINK, Problem.TRUNCATED_HEADER, 0, 0),
                arguments(
                        "a link type nobody decodes",
                        LinkType.UNKNOWN,
                        new byte[20],
                        Layer.LINK,
                        Problem.UNSUPPORTED_LINK_TYPE,
                        0,
                        -1),
                arguments(
                        "IPv4 header of 19 bytes",
                        LinkType.IPV4,
                        Arrays.copyOf(udp4, 19),
                        Layer.IPV4,
                        Problem.TRUNCATED_HEADER,
                        0,
                        19),
                arguments(
                        "IPv6 packet under the IPv4 EtherType",
                        LinkType.ETHERNET,
                        Frames.ethernet(MAC_B, MAC_A, 0x0800, PacketDecoderTest.udpOverIpv6()),
                        Layer.IPV4,
                        Problem.BAD_VERSION,
                        14,
                        6),
                arguments(
                        "IPv4 IHL of 4",
                        LinkType.RAW,
                        patch(udp4, 0, 0x44),
                        Layer.IPV4,
                        Problem.BAD_HEADER_LENGTH,
                        0,
                        4),
                arguments(
                        "IPv4 IHL of 15 beyond the capture",
                        LinkType.RAW,
                        Arrays.copyOf(patch(udp4, 0, 0x4F), 40),
                        Layer.IPV4,
                        Problem.TRUNCATED_HEADER,
                        0,
                        40),
                arguments(
                        "IPv4 total length 19",
                        LinkType.RAW,
                        patch(patch(udp4, 2, 0), 3, 19),
                        Layer.IPV4,
                        Problem.BAD_TOTAL_LENGTH,
                        0,
                        19),
                arguments(
                        "IPv6 header of 39 bytes",
                        LinkType.IPV6,
                        Arrays.copyOf(PacketDecoderTest.udpOverIpv6(), 39),
                        Layer.IPV6,
                        Problem.TRUNCATED_HEADER,
                        0,
                        39),
                arguments(
                        "IPv6 extension header longer than the packet",
                        LinkType.RAW,
                        Frames.ipv6(
                                PacketDecoderTest.v6(1), PacketDecoderTest.v6(2), 0, new byte[] {17, 9, 0, 0, 0, 0, 0, 0
                                }),
                        Layer.IPV6,
                        Problem.TRUNCATED_HEADER,
                        40,
                        8),
                arguments(
                        "TCP header of 19 bytes",
                        LinkType.RAW,
                        Frames.ipv4(1, 2, 6, new byte[19]),
                        Layer.TCP,
                        Problem.TRUNCATED_HEADER,
                        20,
                        19),
                arguments(
                        "TCP data offset 4",
                        LinkType.RAW,
                        Frames.ipv4(1, 2, 6, patch(new byte[20], 12, 0x40)),
                        Layer.TCP,
                        Problem.BAD_HEADER_LENGTH,
                        20,
                        4),
                arguments(
                        "TCP data offset beyond the segment",
                        LinkType.RAW,
                        Frames.ipv4(1, 2, 6, patch(new byte[24], 12, 0xF0)),
                        Layer.TCP,
                        Problem.TRUNCATED_HEADER,
                        20,
                        24),
                arguments(
                        "UDP header of 7 bytes",
                        LinkType.RAW,
                        Frames.ipv4(1, 2, 17, new byte[7]),
                        Layer.UDP,
                        Problem.TRUNCATED_HEADER,
                        20,
                        7),
                arguments(
                        "UDP length 7",
                        LinkType.RAW,
                        Frames.ipv4(1, 2, 17, patch(new byte[8], 5, 7)),
                        Layer.UDP,
                        Problem.BAD_TOTAL_LENGTH,
                        20,
                        7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void endsInATypedErrorAtTheLayersOffset(
            String name, LinkType link, byte[] bytes, Layer layer, Problem problem, int offset, long value) {
        PacketResult r = decoder.decode(ByteBuffer.wrap(bytes), 0, bytes.length, link);
        assertThat(r).isEqualTo(new PacketError(layer, problem, offset, value));
        assertThat(((PacketError) r).toAnomaly().code())
                .isEqualTo(layer.name().toLowerCase() + "_" + problem.name().toLowerCase());
    }

    @Test
    void everyCutOfAValidFrameDecodesOrFailsTyped() {
        byte[] ipv6 = Frames.ipv6(
                PacketDecoderTest.v6(1),
                PacketDecoderTest.v6(2),
                0,
                concat(
                        Frames.extension(44, new byte[6]),
                        Frames.fragmentHeader(6, 0, false, 9),
                        Frames.tcp(1, 2, 3, 4, 0x18, new byte[] {1, 2, 3})));
        byte[][] frames = {
            Frames.ethernet(MAC_B, MAC_A, 0x86DD, ipv6, 0x88A8, 1, 0x8100, 2),
            Frames.ethernet(MAC_B, MAC_A, 0x0800, PacketDecoderTest.udpOverIpv4(), 0x8100, 3)
        };
        for (byte[] frame : frames) {
            for (int cut = 0; cut <= frame.length; cut++) {
                PacketResult r = decoder.decode(ByteBuffer.wrap(frame), 0, cut, LinkType.ETHERNET);
                if (r instanceof DecodedPacket p) {
                    assertThat(p.payloadOffset() + p.payloadLength()).isLessThanOrEqualTo(cut);
                    assertThat(cut == frame.length
                                    || p.has(PacketAnomaly.CAPTURE_TRUNCATED)
                                    || p.network() instanceof Network.Other)
                            .as("cut at %d", cut)
                            .isTrue();
                }
            }
        }
    }

    private static byte[] patch(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }
}
