package io.isthmus.observe.session;

/**
 * What one shard of a {@link ShardedAnalysis} produced, in its order, each item ({@link Observation}
 * or {@link FlowSummary}) with the key that places it in the single-threaded order: the number of
 * the packet being handled when it came out, then the {@link io.isthmus.observe.flow.Flow#lastPacket()}
 * of its flow (flows ended at one instant leave in least-recently-seen order), or the packet's own
 * number for a frame without IP. The bound says how low the shard's next keys can be.
 */
final class EventBatch {
    final long[] packet;
    final long[] place;
    final Object[] items;
    int count;
    long boundPacket;
    long boundPlace;
    /** The shard's last batch: it ends its output. */
    boolean last;

    EventBatch(int capacity) {
        packet = new long[capacity];
        place = new long[capacity];
        items = new Object[capacity];
    }

    /** Empties a batch whose items were all taken (and cleared), for the shard to fill again. */
    void reset() {
        count = 0;
        last = false;
    }

    boolean full() {
        return count == items.length;
    }

    void add(long packetNumber, long placeInPacket, Object item) {
        packet[count] = packetNumber;
        place[count] = placeInPacket;
        items[count] = item;
        count++;
    }

    /** Orders keys (packet, place) as the single-threaded run emits them. */
    static int compare(long packetA, long placeA, long packetB, long placeB) {
        int c = Long.compare(packetA, packetB);
        return c != 0 ? c : Long.compare(placeA, placeB);
    }
}
