package io.isthmus.observe.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.LinkHeader;
import io.isthmus.wire.packet.PacketView;
import io.isthmus.wire.packet.TcpHeader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowKeyTest {
    /** Values where signed and unsigned order differ, and equal halves that defer to the next field. */
    private static final long[] EDGES = {0, 1, 0x7FFF_FFFF_FFFF_FFFFL, Long.MIN_VALUE, -1, 0xFFFF_C0A8_0001L};

    @Test
    void endpointASortsFirstByUnsignedAddressThenPort() {
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            long srcHigh = pick(random);
            long dstHigh = random.nextInt(3) == 0 ? srcHigh : pick(random);
            long srcLow = pick(random);
            long dstLow = random.nextInt(3) == 0 ? srcLow : pick(random);
            int srcPort = random.nextInt(4);
            int dstPort = random.nextInt(4);
            PacketView p = tcp(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort);
            assertThat(FlowKey.sourceIsA(p))
                    .as("%x %x :%d -> %x %x :%d", srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort)
                    .isEqualTo(byDefinition(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort));
        }
    }

    @Test
    void theTwoDirectionsOfAConnectionAgreeOnEndpointA() {
        PacketView there = tcp(0, 0xFFFF_0A00_0001L, 50000, 0, 0xFFFF_C0A8_0001L, 502);
        PacketView back = tcp(0, 0xFFFF_C0A8_0001L, 502, 0, 0xFFFF_0A00_0001L, 50000);
        assertThat(FlowKey.sourceIsA(there)).isTrue();
        assertThat(FlowKey.sourceIsA(back)).isFalse();
        PacketView self = tcp(0, 5, 7, 0, 5, 7);
        assertThat(FlowKey.sourceIsA(self)).as("the same endpoint twice").isTrue();
    }

    private static boolean byDefinition(
            long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow, int dstPort) {
        int c = Long.compareUnsigned(srcHigh, dstHigh);
        if (c == 0) {
            c = Long.compareUnsigned(srcLow, dstLow);
        }
        return c < 0 || (c == 0 && srcPort <= dstPort);
    }

    private static long pick(Random random) {
        return random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextLong();
    }

    private static PacketView tcp(long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow, int dstPort) {
        IpHeader ip = new IpHeader(6, srcHigh, srcLow, dstHigh, dstLow, IpHeader.TCP, 64, 0, 0, 0, false, false);
        LinkHeader link = new LinkHeader(LinkHeader.NONE, LinkHeader.NONE, LinkHeader.NONE, LinkHeader.NONE, 0x86DD, 0);
        TcpHeader tcp = new TcpHeader(srcPort, dstPort, 0, 0, TcpHeader.ACK, 0, 20);
        return PacketView.of(new DecodedPacket(link, ip, tcp, 60, 0, 0, 0));
    }
}
