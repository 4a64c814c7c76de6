package io.isthmus.observe.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.capture.LinkType;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.Frames;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.UdpHeader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * IPv4 (RFC 791 3.2) and IPv6 (RFC 8200 4.5) fragment reassembly within bounds, with overlaps and
 * evictions counted.
 */
class IpReassemblerTest {
    private static final int MF = 0x2000;
    private final PacketDecoder decoder = new PacketDecoder();
    private final FlowCounters counters = new FlowCounters();
    private final byte[] udp = Frames.udp(5000, 20000, payload(100));

    @Test
    void reassemblesFragmentsInAnyOrder() {
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT, counters);
        assertThat(r.accept(fragment(1, 48, 108, false), buf, 0)).isEmpty();
        assertThat(r.accept(fragment(1, 0, 24, true), buf, 0)).isEmpty();
        Optional<ByteBuffer> whole = r.accept(fragment(1, 24, 48, true), buf, 0);

        assertThat(whole).isPresent();
        DecodedPacket p = (DecodedPacket) decoder.decodeIp(
                whole.get(),
                0,
                whole.get().limit(),
                ((DecodedPacket) decoder.decode(ByteBuffer.wrap(lastFrame), 0, lastFrame.length, LinkType.RAW)).link());
        assertThat(p.transport()).isEqualTo(new UdpHeader(5000, 20000, 108));
        assertThat(p.anomalies()).as("the rebuilt header's checksum is valid").isZero();
        byte[] data = new byte[p.payloadLength()];
        whole.get().get(p.payloadOffset(), data);
        assertThat(data).isEqualTo(payload(100));
        assertThat(counters.datagramsReassembled).isEqualTo(1);
        assertThat(r.openDatagrams()).isZero();
    }

    @Test
    void keepsTheFirstBytesOfOverlappingFragmentsAndCountsTheOverlap() {
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT, counters);
        r.accept(fragment(2, 0, 32, true), buf, 0);
        r.accept(forged(2, 16, 40, true), buf, 0);
        Optional<ByteBuffer> whole = r.accept(fragment(2, 40, 108, false), buf, 0);

        assertThat(counters.fragmentOverlaps).isEqualTo(1);
        assertThat(whole).isPresent();
        byte[] rebuilt = Arrays.copyOfRange(whole.get().array(), 20, 20 + 108);
        assertThat(Arrays.copyOfRange(rebuilt, 0, 32)).isEqualTo(Arrays.copyOfRange(udp, 0, 32));
        assertThat(Arrays.copyOfRange(rebuilt, 32, 40)).containsOnly((byte) 0xEE);
    }

    @Test
    void dropsDatagramsIncompleteAfterTheTimeout() {
        FlowLimits limits = FlowLimits.DEFAULT.withFragments(16, 16, Duration.ofSeconds(30));
        IpReassembler r = new IpReassembler(limits, counters);
        r.accept(fragment(3, 0, 24, true), buf, 0);
        r.accept(fragment(4, 0, 24, true), buf, 31_000_000_000L);
        assertThat(counters.datagramsExpired).isEqualTo(1);
        assertThat(r.openDatagrams()).isEqualTo(1);
    }

    @Test
    void evictsTheOldestDatagramBeyondTheLimit() {
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT.withFragments(2, 16, Duration.ofSeconds(30)), counters);
        for (int id = 10; id < 15; id++) {
            r.accept(fragment(id, 0, 24, true), buf, 0);
            assertThat(r.openDatagrams()).isLessThanOrEqualTo(2);
        }
        assertThat(counters.datagramsEvicted).isEqualTo(3);
    }

    @Test
    void refusesADatagramLargerThan65535Bytes() {
        // The "ping of death": offset 65528 plus data runs past the IPv4 maximum.
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT, counters);
        byte[] big = Frames.ipv4(1, 2, 17, 9, 8191, new byte[100]);
        assertThat(r.accept(decode(big), ByteBuffer.wrap(big), 0)).isEmpty();
        assertThat(counters.fragmentsDropped).isEqualTo(1);
        assertThat(r.openDatagrams()).isZero();
    }

    @Test
    void refusesMoreFragmentsThanTheLimit() {
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT.withFragments(4, 3, Duration.ofSeconds(30)), counters);
        for (int i = 0; i < 4; i++) {
            r.accept(fragment(20, 8 * i, 8 * i + 8, true), buf, 0);
        }
        assertThat(counters.fragmentsDropped).isEqualTo(1);
        assertThat(r.openDatagrams()).isZero();
    }

    @Test
    void theFlowPipelineHandsAReassembledDatagramToItsFlow() {
        byte[] first =
                Frames.ipv4(Frames.ip4("10.0.0.1"), Frames.ip4("10.0.0.2"), 17, 5, MF, Arrays.copyOfRange(udp, 0, 64));
        byte[] second =
                Frames.ipv4(Frames.ip4("10.0.0.1"), Frames.ip4("10.0.0.2"), 17, 5, 8, Arrays.copyOfRange(udp, 64, 108));
        assertThePipelineDeliversOneDatagram(second, first);
    }

    @Test
    void reassemblesIpv6FragmentsInAnyOrderRfc8200Section4_5() {
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT, counters);
        assertThat(r.accept(fragment6(7, 48, 108, false), buf, 0)).isEmpty();
        Optional<ByteBuffer> whole = r.accept(fragment6(7, 0, 48, true), buf, 0);

        assertThat(whole).isPresent();
        DecodedPacket p =
                (DecodedPacket) decoder.decodeIp(whole.get(), 0, whole.get().limit(), linkOfLastFrame());
        assertThat(p.network()).isInstanceOfSatisfying(IpHeader.class, ip -> {
            assertThat(ip.version()).isEqualTo(6);
            assertThat(ip.isFragment()).isFalse();
            assertThat(ip.source()).isEqualTo(((IpHeader) decode(lastFrame).network()).source());
        });
        assertThat(p.transport()).isEqualTo(new UdpHeader(5000, 20000, 108));
        byte[] data = new byte[p.payloadLength()];
        whole.get().get(p.payloadOffset(), data);
        assertThat(data).isEqualTo(payload(100));
        assertThat(counters.datagramsReassembled).isEqualTo(1);
    }

    @Test
    void anOverlappingIpv6FragmentDiscardsTheWholeDatagramRfc5722() {
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT, counters);
        r.accept(fragment6(8, 0, 48, true), buf, 0);
        assertThat(r.accept(fragment6(8, 40, 80, true), buf, 0)).isEmpty();
        assertThat(r.accept(fragment6(8, 80, 108, false), buf, 0))
                .as("the rest alone cannot complete a discarded datagram")
                .isEmpty();

        assertThat(counters.fragmentOverlaps).isEqualTo(1);
        assertThat(counters.fragmentsDropped).isEqualTo(1);
        assertThat(counters.datagramsReassembled).isZero();
    }

    @Test
    void ipv4AndIpv6FragmentsWithTheSameIdentificationStayApart() {
        IpReassembler r = new IpReassembler(FlowLimits.DEFAULT, counters);
        r.accept(fragment(9, 0, 48, true), buf, 0);
        r.accept(fragment6(9, 0, 48, true), buf, 0);
        assertThat(r.openDatagrams()).isEqualTo(2);
        assertThat(r.accept(fragment6(9, 48, 108, false), buf, 0)).isPresent();
        assertThat(r.openDatagrams()).isEqualTo(1);
    }

    @Test
    void theFlowPipelineHandsAReassembledIpv6DatagramToItsFlow() {
        fragment6(5, 64, 108, false);
        byte[] second = lastFrame;
        fragment6(5, 0, 64, true);
        assertThePipelineDeliversOneDatagram(second, lastFrame);
    }

    /** Feeds the fragments in the given order and expects one 100-byte datagram delivered. */
    private void assertThePipelineDeliversOneDatagram(byte[]... fragments) {
        Recorder recorder = new Recorder();
        FlowPipeline pipeline = new FlowPipeline(FlowLimits.DEFAULT, decoder, recorder);
        for (byte[] f : fragments) {
            pipeline.accept(
                    ByteBuffer.wrap(f),
                    new io.isthmus.wire.capture.CaptureRecord.Packet(
                            0, 101, LinkType.RAW, 0, f.length, 0, f.length, f.length + 16));
        }
        assertThat(recorder.events)
                .singleElement()
                .asString()
                .startsWith("datagram REQUEST ")
                .hasSize(17 + 100);
        assertThat(pipeline.stats().fragments()).isEqualTo(fragments.length);
        assertThat(pipeline.stats().datagramsReassembled()).isEqualTo(1);
    }

    private ByteBuffer buf;
    private byte[] lastFrame;

    /** Bytes [from, to) of the UDP datagram as a fragment of datagram {@code id}. */
    private DecodedPacket fragment(int id, int from, int to, boolean more) {
        byte[] f = Frames.ipv4(1, 2, 17, id, (more ? MF : 0) | (from / 8), Arrays.copyOfRange(udp, from, to));
        lastFrame = f;
        buf = ByteBuffer.wrap(f);
        return decode(f);
    }

    private DecodedPacket forged(int id, int from, int to, boolean more) {
        byte[] data = new byte[to - from];
        Arrays.fill(data, (byte) 0xEE);
        byte[] f = Frames.ipv4(1, 2, 17, id, (more ? MF : 0) | (from / 8), data);
        buf = ByteBuffer.wrap(f);
        return decode(f);
    }

    private static final byte[] SRC6 = ip6(0x20);
    private static final byte[] DST6 = ip6(0x30);

    /** Bytes [from, to) of the UDP datagram behind an IPv6 Fragment header of datagram {@code id}. */
    private DecodedPacket fragment6(int id, int from, int to, boolean more) {
        byte[] f = Frames.ipv6(
                SRC6,
                DST6,
                44,
                Frames.concat(Frames.fragmentHeader(17, from, more, id), Arrays.copyOfRange(udp, from, to)));
        lastFrame = f;
        buf = ByteBuffer.wrap(f);
        return decode(f);
    }

    private io.isthmus.wire.packet.LinkHeader linkOfLastFrame() {
        return decode(lastFrame).link();
    }

    private static byte[] ip6(int last) {
        byte[] a = new byte[16];
        a[0] = (byte) 0xfd;
        a[15] = (byte) last;
        return a;
    }

    private DecodedPacket decode(byte[] f) {
        return (DecodedPacket) decoder.decode(ByteBuffer.wrap(f), 0, f.length, LinkType.RAW);
    }

    private static byte[] payload(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) ('a' + i % 26);
        }
        return p;
    }
}
