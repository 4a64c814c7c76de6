package io.isthmus.observe.flow;

/**
 * A snapshot of the flow layer's counters, for the summary and for detection (evictions and
 * conflicts are evidence of load or evasion).
 *
 * @param packets packets offered to the pipeline
 * @param bytes captured bytes of those packets
 * @param decodeErrors packets whose headers did not decode
 * @param nonIpFrames frames handed to {@link FlowListener#onFrame}
 * @param otherIpPackets IP packets that are neither TCP nor UDP (ICMP, IPv6 fragments...)
 * @param flowsCreated flows ever created
 * @param flowsActive flows in the table now
 * @param flowsEvicted flows dropped because the table was full
 * @param flowsExpired flows dropped after the idle timeout
 * @param flowsClosed TCP flows ended on the wire (FIN from both sides, or a RST {@link ResetCheck}
 *     accepts) and reported then
 * @param flowsRefused of those, SYNs answered by a RST ({@link CloseReason#REFUSED})
 * @param fragments IPv4 fragments seen
 * @param datagramsReassembled IPv4 datagrams completed from fragments
 * @param fragmentsDropped fragments refused (datagram too large, too many fragments, truncated)
 * @param datagramsEvicted incomplete datagrams dropped because too many were open
 * @param datagramsExpired incomplete datagrams dropped after the fragment timeout
 * @param fragmentOverlaps fragments overlapping data already held (the first data was kept)
 * @param tcpSegments TCP segments offered to reassembly
 * @param outOfOrderSegments segments buffered because they arrived ahead of a hole
 * @param retransmittedBytes bytes received again for offsets already delivered or buffered
 * @param overlapConflicts retransmissions whose bytes differed from the first ones
 * @param gaps stream gaps reported
 * @param gapBytes bytes skipped by those gaps
 * @param bufferOverflows times an out-of-order buffer was full and its holes were given up
 * @param dataAfterClose segments carrying data after their direction closed
 * @param streamBufferBytes out-of-order bytes (with segment overhead) buffered now
 * @param rstIgnored RSTs dropped because their sequence number was outside the receiver's window,
 *     or in SYN-SENT without an ACK of the SYN (stale or spoofed; {@link ResetCheck#IGNORED})
 * @param rstChallenged RSTs inside the receiver's window but not at its next sequence number: the
 *     receiver challenges them and keeps the connection, and so does the flow table (RFC 5961 3.2)
 */
public record FlowStats(
        long packets,
        long bytes,
        long decodeErrors,
        long nonIpFrames,
        long otherIpPackets,
        long flowsCreated,
        long flowsActive,
        long flowsEvicted,
        long flowsExpired,
        long flowsClosed,
        long flowsRefused,
        long fragments,
        long datagramsReassembled,
        long fragmentsDropped,
        long datagramsEvicted,
        long datagramsExpired,
        long fragmentOverlaps,
        long tcpSegments,
        long outOfOrderSegments,
        long retransmittedBytes,
        long overlapConflicts,
        long gaps,
        long gapBytes,
        long bufferOverflows,
        long dataAfterClose,
        long streamBufferBytes,
        long rstIgnored,
        long rstChallenged) {}
