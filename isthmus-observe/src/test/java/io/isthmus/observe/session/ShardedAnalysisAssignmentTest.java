package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.LinkHeader;
import io.isthmus.wire.packet.PacketView;
import io.isthmus.wire.packet.TcpHeader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which shard gets which packets: by address-pair bucket, each bucket to the least loaded shard at its first packet. */
class ShardedAnalysisAssignmentTest {

    @Test
    void bothDirectionsOfAnAddressPairFallInOneBucket() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            long aHigh = random.nextBoolean() ? 0 : random.nextLong();
            long bHigh = random.nextBoolean() ? aHigh : random.nextLong();
            long aLow = random.nextLong();
            long bLow = random.nextInt(4) == 0 ? aLow : random.nextLong();
            int there = ShardedAnalysis.Assignment.bucket(packet(aHigh, aLow, bHigh, bLow));
            int back = ShardedAnalysis.Assignment.bucket(packet(bHigh, bLow, aHigh, aLow));
            assertThat(back).isEqualTo(there);
            assertThat(there).isBetween(0, ShardedAnalysis.Assignment.BUCKETS - 1);
        }
    }

    @Test
    void aNewPairGoesToTheShardWithTheFewestPacketsSoFarAndStaysThere() {
        PacketView[] pairs = pairsInDistinctBuckets(4);
        var assignment = new ShardedAnalysis.Assignment(3);
        for (int i = 0; i < 10; i++) {
            assertThat(assignment.shardOf(pairs[0])).isEqualTo(0);
        }
        assertThat(assignment.shardOf(pairs[1])).isEqualTo(1); // 10, 0, 0: the lowest index of the least loaded
        assertThat(assignment.shardOf(pairs[2])).isEqualTo(2); // 10, 1, 0
        assertThat(assignment.shardOf(pairs[2])).isEqualTo(2);
        assertThat(assignment.shardOf(pairs[3])).isEqualTo(1); // 10, 1, 2
        // a pair keeps its shard though another is now lighter
        for (int i = 0; i < 5; i++) {
            assertThat(assignment.shardOf(pairs[0])).isEqualTo(0);
            assertThat(assignment.shardOf(reversed(pairs[1]))).isEqualTo(1);
        }
        assertThat(assignment.undecoded()).isEqualTo(0);
    }

    @Test
    void unevenPairsArrivingOverTimeSpreadEvenly() {
        // pairs of very different weight, one new pair every 1,000 packets: a hash would put the heavy
        // ones where it happens to; the least loaded shard at first sight evens them out
        Random random = new Random(9);
        var assignment = new ShardedAnalysis.Assignment(2);
        PacketView[] pairs = pairsInDistinctBuckets(40);
        int[] weight = new int[pairs.length];
        long[] packets = new long[2];
        for (int i = 0; i < pairs.length; i++) {
            weight[i] = 1 + random.nextInt(i % 5 == 0 ? 40 : 4);
        }
        for (int step = 0; step < 40_000; step++) {
            int known = Math.min(pairs.length, 1 + step / 1_000);
            int p = random.nextInt(known);
            for (int k = 0; k < weight[p]; k++) {
                packets[assignment.shardOf(pairs[p])]++;
            }
        }
        double share = (double) packets[0] / (packets[0] + packets[1]);
        assertThat(share).isBetween(0.4, 0.6);
    }

    private static PacketView[] pairsInDistinctBuckets(int n) {
        Random random = new Random(n);
        PacketView[] pairs = new PacketView[n];
        boolean[] used = new boolean[ShardedAnalysis.Assignment.BUCKETS];
        for (int i = 0; i < n; ) {
            PacketView p = packet(
                    0, 0xFFFF_0A00_0000L | random.nextInt(1 << 16), 0, 0xFFFF_C0A8_0000L | random.nextInt(1 << 16));
            int b = ShardedAnalysis.Assignment.bucket(p);
            if (!used[b]) {
                used[b] = true;
                pairs[i++] = p;
            }
        }
        return pairs;
    }

    private static PacketView reversed(PacketView p) {
        return packet(p.dstHigh(), p.dstLow(), p.srcHigh(), p.srcLow());
    }

    private static PacketView packet(long srcHigh, long srcLow, long dstHigh, long dstLow) {
        IpHeader ip = new IpHeader(6, srcHigh, srcLow, dstHigh, dstLow, IpHeader.TCP, 64, 0, 0, 0, false, false);
        LinkHeader link = new LinkHeader(LinkHeader.NONE, LinkHeader.NONE, LinkHeader.NONE, LinkHeader.NONE, 0x86DD, 0);
        TcpHeader tcp = new TcpHeader(50000, 502, 0, 0, TcpHeader.ACK, 0, 20);
        return PacketView.of(new DecodedPacket(link, ip, tcp, 60, 0, 0, 0));
    }
}
