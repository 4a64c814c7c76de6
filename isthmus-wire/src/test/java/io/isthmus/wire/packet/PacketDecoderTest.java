package io.isthmus.wire.packet;

import static io.isthmus.wire.packet.Frames.MAC_A;
import static io.isthmus.wire.packet.Frames.MAC_B;
import static io.isthmus.wire.packet.Frames.ascii;
import static io.isthmus.wire.packet.Frames.concat;
import static io.isthmus.wire.packet.Frames.ip4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.wire.capture.CaptureBytes;
import io.isthmus.wire.capture.CaptureFeed;
import io.isthmus.wire.capture.CaptureFeed.Seen;
import io.isthmus.wire.capture.LinkType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketDecoderTest {
    private static final byte[] HELLO = ascii("hello");
    private final PacketDecoder decoder = new PacketDecoder();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "modbus__ITI__modbusSmall.pcap",
                "opcua__cisagov-opcua__open62541_client-server-getEndpoints.pcap"
            })
    void decodesEveryPacketOfASharedCaptureAsTsharkDoes(String capture) throws IOException {
        List<Seen> packets =
                CaptureFeed.decode(CaptureBytes.resource(capture), 1 << 20).packets();
        List<String> expected = tsharkFields(capture);
        assertThat(packets).hasSameSizeAs(expected);
        for (int i = 0; i < packets.size(); i++) {
            Seen s = packets.get(i);
            PacketResult r =
                    decoder.decode(ByteBuffer.wrap(s.data()), 0, s.data().length, LinkType.of(s.linkTypeCode()));
            assertThat(r).as("frame %d", i + 1).isInstanceOf(DecodedPacket.class);
            assertThat(fields(i + 1, (DecodedPacket) r)).as("frame %d", i + 1).isEqualTo(expected.get(i));
        }
    }

    @Test
    void findsPriorityTaggedProfinetDcpFramesInARealCapture() {
        // profinet-wireshark-bug.pcap frame 1: 802.1Q tag with VLAN 0, EtherType 0x8892, FrameID 0xFEFE
        // (tshark -e vlan.id -e vlan.etype -e pn_rt.frame_id: 0, 0x8892, 65278), 34 bytes captured.
        Seen frame1 = CaptureFeed.decode(CaptureBytes.resource("profinet__ITI__profinet-wireshark-bug.pcap"), 512)
                .packets()
                .getFirst();
        DecodedPacket p = decoded(LinkType.ETHERNET, frame1.data());
        assertThat(p.link().srcMac()).isEqualTo(0x0080_C838_A48BL);
        assertThat(p.link().dstMac()).isEqualTo(0x0002_E317_C750L);
        assertThat(p.link().outerVlan()).isZero();
        assertThat(p.link().innerVlan()).isEqualTo(LinkHeader.NONE);
        assertThat(p.link().etherType()).isEqualTo(0x8892);
        assertThat(p.network()).isEqualTo(new Network.Profinet(0xFEFE));
        assertThat(p.payloadOffset()).isEqualTo(18);
        assertThat(p.payloadLength()).isEqualTo(34 - 18);
    }

    @Test
    void decodesTcpOverEthernetWithoutCopyingThePayload() {
        byte[] frame = Frames.ethernet(
                MAC_B,
                MAC_A,
                0x0800,
                Frames.ipv4(
                        ip4("10.0.0.1"),
                        ip4("10.0.0.2"),
                        6,
                        Frames.tcp(
                                49152,
                                502,
                                1000,
                                2000,
                                TcpHeader.PSH | TcpHeader.ACK,
                                new byte[] {2, 4, 5, (byte) 0xb4},
                                HELLO)));
        DecodedPacket p = decoded(LinkType.ETHERNET, frame);

        IpHeader ip = (IpHeader) p.network();
        assertThat(ip.source()).hasToString("10.0.0.1");
        assertThat(ip.destination()).hasToString("10.0.0.2");
        assertThat(ip.isFragment()).isFalse();
        assertThat(ip.dontFragment()).isTrue();
        assertThat(p.transport()).isEqualTo(new TcpHeader(49152, 502, 1000, 2000, 0x18, 8192, 24));
        assertThat(p.payloadOffset()).isEqualTo(14 + 20 + 24);
        assertThat(p.payload(ByteBuffer.wrap(frame))).isEqualTo(ByteBuffer.wrap(HELLO));
        assertThat(p.anomalies()).isZero();
    }

    @Test
    void readsQinQTagsOuterAndInner() {
        // IEEE 802.1ad: S-tag 0x88A8 VLAN 100, then C-tag 0x8100 VLAN 200 with priority bits set.
        byte[] frame = Frames.ethernet(MAC_B, MAC_A, 0x0800, udpOverIpv4(), 0x88A8, 100, 0x8100, 0xA000 | 200);
        DecodedPacket p = decoded(LinkType.ETHERNET, frame);
        assertThat(p.link().outerVlan()).isEqualTo(100);
        assertThat(p.link().innerVlan()).isEqualTo(200);
        assertThat(p.link().etherType()).isEqualTo(0x0800);
        assertThat(p.transport()).isInstanceOf(UdpHeader.class);
    }

    @Test
    void readsThePreStandardQinQType0x9100() {
        byte[] frame = Frames.ethernet(MAC_B, MAC_A, 0x0800, udpOverIpv4(), 0x9100, 7, 0x8100, 8);
        assertThat(decoded(LinkType.ETHERNET, frame).link()).satisfies(l -> {
            assertThat(l.outerVlan()).isEqualTo(7);
            assertThat(l.innerVlan()).isEqualTo(8);
        });
    }

    @Test
    void refusesMoreVlanTagsThanTheLimit() {
        byte[] frame = Frames.ethernet(MAC_B, MAC_A, 0x0800, udpOverIpv4(), 0x8100, 1, 0x8100, 2, 0x8100, 3);
        PacketResult r = new PacketDecoder(new PacketLimits(2, 8))
                .decode(ByteBuffer.wrap(frame), 0, frame.length, LinkType.ETHERNET);
        assertThat(r).isEqualTo(new PacketError(PacketError.Layer.VLAN, PacketError.Problem.TOO_MANY_VLAN_TAGS, 22, 3));
    }

    @Test
    void readsLinuxCookedCaptureV1AndV2() {
        DecodedPacket v1 = decoded(LinkType.LINUX_SLL, Frames.sll(MAC_A, 0x0800, udpOverIpv4()));
        DecodedPacket v2 = decoded(LinkType.LINUX_SLL2, Frames.sll2(MAC_A, 0x0800, udpOverIpv4()));
        for (DecodedPacket p : List.of(v1, v2)) {
            assertThat(p.link().srcMac()).isEqualTo(MAC_A);
            assertThat(p.link().dstMac()).isEqualTo(LinkHeader.NONE);
            assertThat(p.transport()).isEqualTo(new UdpHeader(5000, 47808, 13));
            assertThat(p.payloadLength()).isEqualTo(5);
        }
        assertThat(v1.payloadOffset()).isEqualTo(16 + 28);
        assertThat(v2.payloadOffset()).isEqualTo(20 + 28);
    }

    @Test
    void readsAVlanTagInsideALinuxCookedCapture() {
        byte[] tagged = concat(new byte[] {0, 42, 0x08, 0x00}, udpOverIpv4());
        DecodedPacket p = decoded(LinkType.LINUX_SLL, Frames.sll(MAC_A, 0x8100, tagged));
        assertThat(p.link().outerVlan()).isEqualTo(42);
        assertThat(p.transport()).isInstanceOf(UdpHeader.class);
    }

    @Test
    void readsRawIpOfEitherVersionUnderEveryRawLinkType() {
        for (int code : new int[] {101, 12, 14}) {
            assertThat(decoded(LinkType.of(code), udpOverIpv4()).network()).isInstanceOf(IpHeader.class);
            assertThat(((IpHeader) decoded(LinkType.of(code), udpOverIpv6()).network()).version())
                    .isEqualTo(6);
        }
        assertThat(decoded(LinkType.IPV4, udpOverIpv4()).transport()).isInstanceOf(UdpHeader.class);
        assertThat(decoded(LinkType.IPV6, udpOverIpv6()).transport()).isInstanceOf(UdpHeader.class);
    }

    @Test
    void readsLoopbackFamiliesInHostAndNetworkOrder() {
        assertThat(decoded(LinkType.NULL, Frames.loopback(2, ByteOrder.LITTLE_ENDIAN, udpOverIpv4()))
                        .link()
                        .etherType())
                .isEqualTo(0x0800);
        assertThat(decoded(LinkType.NULL, Frames.loopback(30, ByteOrder.BIG_ENDIAN, udpOverIpv6()))
                        .link()
                        .etherType())
                .isEqualTo(0x86DD);
        assertThat(decoded(LinkType.LOOP, Frames.loopback(24, ByteOrder.BIG_ENDIAN, udpOverIpv6()))
                        .transport())
                .isInstanceOf(UdpHeader.class);
        assertThat(decoded(LinkType.NULL, Frames.loopback(99, ByteOrder.LITTLE_ENDIAN, HELLO))
                        .network())
                .isEqualTo(new Network.Other(0));
    }

    @Test
    void walksIpv6ExtensionHeadersToTheTransport() {
        // RFC 8200 4.1 order: Hop-by-Hop, Destination Options, Routing, then TCP; and AH (RFC 4302).
        byte[] tcp = Frames.tcp(1, 2, 3, 4, TcpHeader.ACK, HELLO);
        byte[] ah = concat(new byte[] {6, 4, 0, 0}, new byte[20]);
        byte[] chain = concat(
                Frames.extension(60, new byte[4]),
                Frames.extension(43, new byte[12]),
                Frames.extension(51, new byte[6]),
                ah,
                tcp);
        DecodedPacket p = decoded(LinkType.RAW, Frames.ipv6(v6(1), v6(2), 0, chain));
        IpHeader ip = (IpHeader) p.network();
        assertThat(ip.protocol()).isEqualTo(6);
        assertThat(ip.source()).hasToString("2001:db8::1");
        assertThat(p.transport()).isInstanceOf(TcpHeader.class);
        assertThat(p.payloadLength()).isEqualTo(5);
    }

    @Test
    void recognisesTheIpv6FragmentHeader() {
        byte[] first = Frames.ipv6(v6(1), v6(2), 44, concat(Frames.fragmentHeader(17, 0, true, 0xCAFE), new byte[16]));
        IpHeader ip = (IpHeader) decoded(LinkType.RAW, first).network();
        assertThat(ip.isFragment()).isTrue();
        assertThat(ip.fragmentId()).isEqualTo(0xCAFE);
        assertThat(ip.protocol()).isEqualTo(17);

        byte[] later =
                Frames.ipv6(v6(1), v6(2), 44, concat(Frames.fragmentHeader(17, 1448, false, 0xCAFE), new byte[8]));
        IpHeader ip2 = (IpHeader) decoded(LinkType.RAW, later).network();
        assertThat(ip2.fragmentOffset()).isEqualTo(1448);
        assertThat(ip2.moreFragments()).isFalse();

        byte[] atomic =
                Frames.ipv6(v6(1), v6(2), 44, concat(Frames.fragmentHeader(17, 0, false, 1), Frames.udp(1, 2, HELLO)));
        assertThat(decoded(LinkType.RAW, atomic).transport())
                .as("RFC 6946 atomic fragment")
                .isInstanceOf(UdpHeader.class);
    }

    @Test
    void boundsTheIpv6ExtensionChain() {
        byte[] chain = Frames.udp(1, 2, HELLO);
        for (int i = 0; i < 9; i++) {
            chain = concat(Frames.extension(i == 0 ? 17 : 60, new byte[6]), chain);
        }
        PacketResult r = decoder.decode(
                ByteBuffer.wrap(Frames.ipv6(v6(1), v6(2), 60, chain)), 0, 40 + chain.length, LinkType.RAW);
        assertThat(r).isInstanceOfSatisfying(PacketError.class, e -> {
            assertThat(e.problem()).isEqualTo(PacketError.Problem.TOO_MANY_EXTENSION_HEADERS);
            assertThat(e.offset()).isEqualTo(40 + 8 * 8);
        });
    }

    @Test
    void marksIpv4FragmentsAndLeavesTheirTransportUndecoded() {
        // RFC 791 3.2: MF set or a non-zero offset makes a fragment.
        byte[] first = Frames.ipv4(ip4("10.0.0.1"), ip4("10.0.0.2"), 17, 77, 0x2000, new byte[24]);
        IpHeader ip = (IpHeader) decoded(LinkType.RAW, first).network();
        assertThat(ip.isFragment()).isTrue();
        assertThat(ip.moreFragments()).isTrue();
        assertThat(ip.fragmentId()).isEqualTo(77);
        assertThat(decoded(LinkType.RAW, first).transport()).isEqualTo(Transport.NONE);
        assertThat(decoded(LinkType.RAW, first).payloadLength()).isEqualTo(24);

        byte[] last = Frames.ipv4(ip4("10.0.0.1"), ip4("10.0.0.2"), 17, 77, 3, new byte[8]);
        assertThat(((IpHeader) decoded(LinkType.RAW, last).network()).fragmentOffset())
                .isEqualTo(24);
    }

    @Test
    void skipsIpv4OptionsByTheHeaderLength() {
        // RFC 791 3.1: IHL 6 = a 24-byte header; here NOP, NOP, NOP, End of Option List.
        byte[] plain = udpOverIpv4();
        byte[] withOptions = concat(
                java.util.Arrays.copyOf(plain, 20),
                new byte[] {1, 1, 1, 0},
                java.util.Arrays.copyOfRange(plain, 20, plain.length));
        withOptions[0] = 0x46;
        withOptions[3] = (byte) (withOptions.length);
        withOptions[10] = 0;
        withOptions[11] = 0;
        int sum = 0;
        for (int i = 0; i < 24; i += 2) {
            sum += ((withOptions[i] & 0xFF) << 8) | (withOptions[i + 1] & 0xFF);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        withOptions[10] = (byte) (~sum >>> 8);
        withOptions[11] = (byte) ~sum;

        DecodedPacket p = decoded(LinkType.RAW, withOptions);
        assertThat(p.transport()).isEqualTo(new UdpHeader(5000, 47808, 13));
        assertThat(p.payloadOffset()).isEqualTo(24 + 8);
        assertThat(p.anomalies()).isZero();
    }

    @Test
    void excludesEthernetPaddingByTheIpTotalLength() {
        byte[] frame = concat(
                Frames.ethernet(MAC_B, MAC_A, 0x0800, Frames.ipv4(1, 2, 6, Frames.tcp(1, 2, 0, 0, 0x10, new byte[0]))),
                new byte[6]);
        DecodedPacket p = decoded(LinkType.ETHERNET, frame);
        assertThat(p.payloadLength()).isZero();
        assertThat(p.payloadMissing()).isZero();
    }

    @Test
    void reportsTheBytesASnapLengthCutOff() {
        byte[] whole = Frames.ipv4(1, 2, 6, Frames.tcp(1, 2, 0, 0, 0x18, new byte[100]));
        DecodedPacket p = decoded(LinkType.RAW, java.util.Arrays.copyOf(whole, 60));
        assertThat(p.payloadLength()).isEqualTo(20);
        assertThat(p.payloadMissing()).isEqualTo(80);
        assertThat(p.has(PacketAnomaly.CAPTURE_TRUNCATED)).isTrue();
    }

    @Test
    void flagsABadIpv4ChecksumButStillDecodes() {
        byte[] packet = udpOverIpv4();
        packet[10] ^= 0x55;
        DecodedPacket p = decoded(LinkType.RAW, packet);
        assertThat(p.anomalySet()).containsExactly(PacketAnomaly.IPV4_CHECKSUM_MISMATCH);
        assertThat(p.transport()).isInstanceOf(UdpHeader.class);
    }

    @Test
    void aReusedViewVerifiesTheChecksumOfItsLatestDecodeWhenAskedForTheAnomalies() {
        byte[] good = udpOverIpv4();
        byte[] bad = udpOverIpv4();
        bad[10] ^= 0x55;
        int mismatch = PacketAnomaly.IPV4_CHECKSUM_MISMATCH.bit();
        PacketView view = new PacketView();
        // the bad header's verdict is never asked for; the next decode's is the one reported
        assertThat(decodeInto(view, bad)).isTrue();
        assertThat(decodeInto(view, good)).isTrue();
        assertThat(view.anomalies()).isZero();
        assertThat(decodeInto(view, bad)).isTrue();
        assertThat(view.anomalies()).isEqualTo(mismatch);
        assertThat(view.anomalies()).as("asked again").isEqualTo(mismatch);
        assertThat(view.toDecodedPacket().anomalySet()).containsExactly(PacketAnomaly.IPV4_CHECKSUM_MISMATCH);
        // a decode that fails leaves no verdict of the packet before it behind
        assertThat(decodeInto(view, bad)).isTrue();
        assertThat(decodeInto(view, Arrays.copyOf(good, 10))).isFalse();
        assertThat(decodeInto(view, good)).isTrue();
        assertThat(view.toDecodedPacket().anomalies()).isZero();
    }

    @Test
    void aReusedViewHasNoErrorAfterADecodeThatSucceeded() {
        byte[] good = udpOverIpv4();
        PacketView view = new PacketView();
        assertThat(decodeInto(view, Arrays.copyOf(good, 10))).isFalse();
        assertThat(view.error().problem()).isEqualTo(PacketError.Problem.TRUNCATED_HEADER);
        assertThat(decodeInto(view, good)).isTrue();
        assertThatThrownBy(view::error).isInstanceOf(NullPointerException.class);
        assertThat(decodeInto(view, good)).as("decoded again").isTrue();
        assertThatThrownBy(view::error).isInstanceOf(NullPointerException.class);
    }

    private boolean decodeInto(PacketView view, byte[] ipPacket) {
        var packet = new io.isthmus.wire.capture.CaptureRecord.Packet(
                0, LinkType.RAW.code(), LinkType.RAW, 0, ipPacket.length, 0, ipPacket.length, ipPacket.length);
        return decoder.decode(ByteBuffer.wrap(ipPacket), packet, view);
    }

    @Test
    void usesTheCapturedLengthWhenTotalLengthIsZero() {
        byte[] packet = udpOverIpv4();
        packet[2] = 0;
        packet[3] = 0;
        DecodedPacket p = decoded(LinkType.RAW, packet);
        assertThat(p.has(PacketAnomaly.IPV4_ZERO_TOTAL_LENGTH)).isTrue();
        assertThat(p.payloadLength()).isEqualTo(5);
    }

    @Test
    void flagsAUdpLengthThatDisagreesWithIp() {
        byte[] packet = udpOverIpv4();
        packet[20 + 5] = 9;
        DecodedPacket p = decoded(LinkType.RAW, packet);
        assertThat(p.has(PacketAnomaly.UDP_LENGTH_MISMATCH)).isTrue();
        assertThat(p.payloadLength()).isEqualTo(1);
    }

    @Test
    void exposesNonIpFramesAsTheirEtherTypeAndPayload() {
        DecodedPacket arp = decoded(LinkType.ETHERNET, Frames.ethernet(MAC_B, MAC_A, 0x0806, new byte[28]));
        assertThat(arp.network()).isEqualTo(new Network.Other(0x0806));
        assertThat(arp.payloadLength()).isEqualTo(28);
    }

    @Test
    void leavesTheBufferAsItWasAndReadsAnyByteOrder() {
        byte[] frame = Frames.ethernet(MAC_B, MAC_A, 0x0800, udpOverIpv4());
        ByteBuffer b = ByteBuffer.allocate(frame.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        b.position(10);
        b.put(frame).position(3).limit(10 + frame.length);
        DecodedPacket p = (DecodedPacket) decoder.decode(b, 10, frame.length, LinkType.ETHERNET);
        assertThat(p.transport()).isEqualTo(new UdpHeader(5000, 47808, 13));
        assertThat(p.payloadOffset()).isEqualTo(10 + 14 + 28);
        assertThat(b.position()).isEqualTo(3);
        assertThat(b.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void decodesTheSameFromHeapSlicedReadOnlyAndDirectBuffersAtTheSameIndices() {
        byte[] frame = Frames.ethernet(MAC_B, MAC_A, 0x0800, udpOverIpv4());
        byte[] padded = concat(new byte[7], frame, new byte[5]);
        ByteBuffer heap = ByteBuffer.wrap(padded);
        ByteBuffer sliced =
                ByteBuffer.wrap(concat(new byte[3], padded)).position(3).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded).clear();
        PacketResult expected = decoder.decode(heap, 7, frame.length, LinkType.ETHERNET);
        assertThat(((DecodedPacket) expected).payloadOffset()).isEqualTo(7 + 14 + 28);
        for (ByteBuffer b : List.of(sliced, heap.asReadOnlyBuffer(), direct)) {
            assertThat(decoder.decode(b, 7, frame.length, LinkType.ETHERNET)).isEqualTo(expected);
            assertThat(b.position()).isZero();
        }
    }

    @Test
    void readsNoByteBeyondThePacketEvenWhenTheBufferHoldsMore() {
        byte[] frame = Frames.ethernet(MAC_B, MAC_A, 0x0800, udpOverIpv4());
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] junk = new byte[frame.length + 64];
            Arrays.fill(junk, (byte) 0x45);
            System.arraycopy(frame, 0, junk, 0, cut);
            PacketResult inHeap = decoder.decode(ByteBuffer.wrap(junk), 0, cut, LinkType.ETHERNET);
            PacketResult exact = decoder.decode(
                    ByteBuffer.allocateDirect(cut).put(frame, 0, cut).clear(), 0, cut, LinkType.ETHERNET);
            assertThat(inHeap).as("cut at %d", cut).isEqualTo(exact);
        }
    }

    @Test
    void refusesARangeOutsideTheBufferAsAProgrammingError() {
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.allocate(10), 5, 6, LinkType.RAW))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void decodesAReassembledDatagramWithTheLinkOfItsLastFragment() {
        byte[] datagram = udpOverIpv4();
        LinkHeader link = new LinkHeader(MAC_B, MAC_A, 5, LinkHeader.NONE, 0x0800, 14);
        DecodedPacket p = (DecodedPacket) decoder.decodeIp(ByteBuffer.wrap(datagram), 0, datagram.length, link);
        assertThat(p.link().outerVlan()).isEqualTo(5);
        assertThat(p.link().networkOffset()).isZero();
        assertThat(p.transport()).isInstanceOf(UdpHeader.class);
    }

    static byte[] udpOverIpv4() {
        return Frames.ipv4(ip4("192.168.1.10"), ip4("192.168.1.255"), 17, Frames.udp(5000, 47808, HELLO));
    }

    static byte[] udpOverIpv6() {
        return Frames.ipv6(v6(1), v6(2), 17, Frames.udp(5000, 47808, HELLO));
    }

    static byte[] v6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) last;
        return a;
    }

    private DecodedPacket decoded(LinkType link, byte[] bytes) {
        PacketResult r = decoder.decode(ByteBuffer.wrap(bytes), 0, bytes.length, link);
        assertThat(r).isInstanceOf(DecodedPacket.class);
        return (DecodedPacket) r;
    }

    /** Our fields in the order of the tshark command in this package's README. */
    private static String fields(int frame, DecodedPacket p) {
        StringBuilder s = new StringBuilder().append(frame);
        IpHeader ip = (IpHeader) p.network();
        boolean v4 = ip.version() == 4;
        s.append('\t').append(v4 ? ip.source() : "").append('\t').append(v4 ? ip.destination() : "");
        s.append('\t').append(v4 ? "" : ip.source()).append('\t').append(v4 ? "" : ip.destination());
        if (p.transport() instanceof TcpHeader t) {
            s.append('\t').append(t.srcPort()).append('\t').append(t.dstPort());
            s.append('\t')
                    .append(Integer.toUnsignedString(t.seq()))
                    .append('\t')
                    .append(Integer.toUnsignedString(t.ack()));
            s.append('\t')
                    .append(String.format("0x%04x", t.flags()))
                    .append('\t')
                    .append(t.window());
            s.append('\t').append(p.payloadLength()).append("\t\t\t");
        } else if (p.transport() instanceof UdpHeader u) {
            s.append("\t\t\t\t\t\t\t\t")
                    .append(u.srcPort())
                    .append('\t')
                    .append(u.dstPort())
                    .append('\t')
                    .append(u.length());
        }
        return s.toString();
    }

    private static List<String> tsharkFields(String capture) throws IOException {
        try (InputStream in = PacketDecoderTest.class.getResourceAsStream(capture + ".fields.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
