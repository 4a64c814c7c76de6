package io.isthmus.connect.sparkplug;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What the host knows of one edge node between its NBIRTH and NDEATH (Sparkplug B 3.0, 5.4-5.9):
 * its bdSeq, the next sequence number, the metrics of the node and of each born device.
 */
final class EdgeNodeSession {
    final String group;
    final String edgeNode;
    boolean born;
    /** After a sequence gap: the node's data is ignored until its next NBIRTH. */
    boolean awaitingRebirth;

    OptionalLong bdSeq = OptionalLong.empty();
    int nextSeq;
    MetricTable nodeMetrics = new MetricTable();
    final Map<String, MetricTable> devices = new HashMap<>();
    Instant lastRebirthRequest;
    /** The node's clock minus ours, from the last payload timestamp and its arrival. */
    long clockOffsetMillis;

    EdgeNodeSession(String group, String edgeNode) {
        this.group = group;
        this.edgeNode = edgeNode;
    }

    /** A time of ours on the node's clock, so that its tags' samples keep one time base. */
    Instant onNodeClock(Instant now) {
        return now.plusMillis(clockOffsetMillis);
    }

    int definitions() {
        return nodeMetrics.size()
                + devices.values().stream().mapToInt(MetricTable::size).sum();
    }

    /** The node's metrics and those of all its devices. */
    Stream<MetricTable> tables() {
        return Stream.concat(Stream.of(nodeMetrics), devices.values().stream());
    }

    void reborn(OptionalLong newBdSeq, int seq) {
        born = true;
        awaitingRebirth = false;
        bdSeq = newBdSeq;
        nextSeq = (seq + 1) & 0xFF;
        nodeMetrics = new MetricTable();
        devices.clear();
    }

    void died() {
        born = false;
        awaitingRebirth = false;
        nodeMetrics = new MetricTable();
        devices.clear();
    }
}
