package io.isthmus.connect.transfer.receive;

import io.isthmus.connect.transfer.frame.FrameError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the receiver has seen, for the console.
 *
 * @param epoch the epoch heard most recently (0 before any)
 * @param lastSequence the last batch delivered in that epoch
 * @param recoveredBatches batches rebuilt by the erasure code
 * @param lostBatches batches given up
 * @param duplicateFrames frames of batches already delivered or given up (copies, late arrivals)
 * @param badFrames datagrams refused, by reason
 * @param recentGaps the last gaps, newest last (at most 32)
 * @param payloadBitsPerSecond delivered payload rate since the receiver started
 * @param recoveredFragments data fragments the erasure code rebuilt (lost on the link, not missed)
 * @param lastHeartbeat when the newest heartbeat arrived (receiver's clock), empty before the
 *     first: a sender that stopped talking shows here before any gap does
 */
public record ReceiverStatus(
        long epoch,
        long lastSequence,
        long batches,
        long records,
        long payloadBytes,
        long datagrams,
        long recoveredBatches,
        long lostBatches,
        long duplicateFrames,
        long corruptBodies,
        Map<FrameError, Long> badFrames,
        List<Gap> recentGaps,
        double payloadBitsPerSecond,
        long recoveredFragments,
        Optional<Instant> lastHeartbeat) {
    public ReceiverStatus {
        badFrames = Map.copyOf(badFrames);
        recentGaps = List.copyOf(recentGaps);
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    }
}
