package io.isthmus.observe.flow;

/** The mutable counters behind {@link FlowStats}, shared by one pipeline's parts on one thread. */
final class FlowCounters {
    long packets;
    long bytes;
    long decodeErrors;
    long nonIpFrames;
    long otherIpPackets;
    long flowsCreated;
    long flowsEvicted;
    long flowsExpired;
    long flowsClosed;
    long flowsRefused;
    long fragments;
    long datagramsReassembled;
    long fragmentsDropped;
    long datagramsEvicted;
    long datagramsExpired;
    long fragmentOverlaps;
    long tcpSegments;
    long outOfOrderSegments;
    long retransmittedBytes;
    long overlapConflicts;
    long gaps;
    long gapBytes;
    long bufferOverflows;
    long dataAfterClose;
    long streamBufferBytes;
    long rstIgnored;
    long rstChallenged;

    FlowStats snapshot(long flowsActive) {
        return new FlowStats(
                packets,
                bytes,
                decodeErrors,
                nonIpFrames,
                otherIpPackets,
                flowsCreated,
                flowsActive,
                flowsEvicted,
                flowsExpired,
                flowsClosed,
                flowsRefused,
                fragments,
                datagramsReassembled,
                fragmentsDropped,
                datagramsEvicted,
                datagramsExpired,
                fragmentOverlaps,
                tcpSegments,
                outOfOrderSegments,
                retransmittedBytes,
                overlapConflicts,
                gaps,
                gapBytes,
                bufferOverflows,
                dataAfterClose,
                streamBufferBytes,
                rstIgnored,
                rstChallenged);
    }
}
