package io.isthmus.observe.session;

import io.isthmus.observe.flow.FlowStats;
import java.util.List;

/** The flow layer's counters of a sharded run: each the sum over the shards. */
final class FlowStatsSum {
    private FlowStatsSum() {}

    static FlowStats of(List<FlowStats> shards) {
        long[] s = new long[28];
        for (FlowStats f : shards) {
            long[] v = {
                f.packets(),
                f.bytes(),
                f.decodeErrors(),
                f.nonIpFrames(),
                f.otherIpPackets(),
                f.flowsCreated(),
                f.flowsActive(),
                f.flowsEvicted(),
                f.flowsExpired(),
                f.flowsClosed(),
                f.flowsRefused(),
                f.fragments(),
                f.datagramsReassembled(),
                f.fragmentsDropped(),
                f.datagramsEvicted(),
                f.datagramsExpired(),
                f.fragmentOverlaps(),
                f.tcpSegments(),
                f.outOfOrderSegments(),
                f.retransmittedBytes(),
                f.overlapConflicts(),
                f.gaps(),
                f.gapBytes(),
                f.bufferOverflows(),
                f.dataAfterClose(),
                f.streamBufferBytes(),
                f.rstIgnored(),
                f.rstChallenged()
            };
            for (int i = 0; i < s.length; i++) {
                s[i] += v[i];
            }
        }
        return new FlowStats(
                s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13], s[14], s[15],
                s[16], s[17], s[18], s[19], s[20], s[21], s[22], s[23], s[24], s[25], s[26], s[27]);
    }
}
