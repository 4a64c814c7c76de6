package io.isthmus.observe.detect;

/**
 * Counters of one detection run.
 *
 * @param requests request observations inspected
 * @param learned requests learned into the baseline (inside the learning window)
 * @param findings findings before deduplication
 * @param alerts alerts after deduplication
 * @param alertsEvicted alerts dropped because {@link DetectionLimits#maxAlerts} was reached
 * @param hostsEvicted scan trackers dropped because {@link DetectionLimits#maxHosts} was reached
 * @param baselineDropped baseline entries (pairs, written addresses, discovery senders) that did not
 *     fit its limits
 * @param pollsDropped polling cycles that did not fit the baseline ({@link DetectionLimits#maxPairs})
 *     and are therefore never judged for drift
 */
public record DetectionStats(
        long requests,
        long learned,
        long findings,
        long alerts,
        long alertsEvicted,
        long hostsEvicted,
        long baselineDropped,
        long pollsDropped) {

    /** Whether any detection state was evicted or dropped: the results are then incomplete. */
    public boolean anyDropped() {
        return alertsEvicted + hostsEvicted + baselineDropped + pollsDropped > 0;
    }
}
