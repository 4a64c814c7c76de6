package io.isthmus.observe.detect;

import java.time.Duration;

/**
 * Every bound of detection in one place; an attacker controls how many hosts, pairs, addresses
 * and alerts there are, so each table has a size and evicts (counted) when full.
 *
 * @param maxAlerts distinct alerts (after deduplication) kept; the least recently seen is evicted
 * @param maxEvidence observations kept as evidence per alert (the first ones; the count goes on)
 * @param maxPairs talker pairs (client, server, protocol) the baseline remembers
 * @param maxWriteAddresses written addresses whose value range the baseline remembers
 * @param maxHosts hosts tracked for reconnaissance (scan counters, discovery senders)
 * @param scanPorts distinct (host, port) probes without payload from one source within {@code
 *     scanWindow} that make a scan
 * @param scanWindow the window scan probes are counted in (capture time)
 */
public record DetectionLimits(
        int maxAlerts,
        int maxEvidence,
        int maxPairs,
        int maxWriteAddresses,
        int maxHosts,
        int scanPorts,
        Duration scanWindow) {

    public static final DetectionLimits DEFAULT =
            new DetectionLimits(10_000, 8, 100_000, 200_000, 100_000, 10, Duration.ofSeconds(60));

    public DetectionLimits {
        positive("maxAlerts", maxAlerts);
        positive("maxEvidence", maxEvidence);
        positive("maxPairs", maxPairs);
        positive("maxWriteAddresses", maxWriteAddresses);
        positive("maxHosts", maxHosts);
        if (scanPorts < 2) {
            throw new IllegalArgumentException("scanPorts must be at least 2, was " + scanPorts);
        }
        if (scanWindow == null || scanWindow.isNegative() || scanWindow.isZero()) {
            throw new IllegalArgumentException("scanWindow must be positive, was " + scanWindow);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
