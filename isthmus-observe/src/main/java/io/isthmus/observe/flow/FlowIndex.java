package io.isthmus.observe.flow;

import java.util.Arrays;

/**
 * The flow table's index: flows found by the primitives of their key, without a {@link FlowKey}
 * or map entry per packet, and kept in least-recently-seen order by links in the flows
 * themselves. The table probes it once per packet; a {@code LinkedHashMap<FlowKey, Flow>} in
 * access order cost a key object, a hash-map probe and an entry relink per packet.
 *
 * <p>Open addressing with linear probing over a power-of-two array of flows, grown (doubled) when
 * half full, so it holds at most about four slots per flow the table keeps: the table's {@link
 * FlowLimits#maxFlows()} bounds it. Removal shifts the following run back (no tombstones). Each
 * slot's key hash sits beside it in a parallel {@code int[]}, so a probe past another flow's slot
 * compares an int from that array instead of loading the other flow (a likely cache miss).
 * Before any of that, {@link #find} compares the most recently seen flow's key: most packets of
 * ICS traffic belong to the flow of the packet before (77 % of the lookups on the benchmark
 * capture), and for them the lookup is one key comparison.
 *
 * <p>Not thread-safe: owned by one {@link FlowTable}.
 */
final class FlowIndex {
    private static final int INITIAL_SLOTS = 1024;

    private Flow[] slots = new Flow[INITIAL_SLOTS];
    /** {@code hashes[i]} is {@code slots[i].hash}; 0 for an empty slot (which the null in slots marks). */
    private int[] hashes = new int[INITIAL_SLOTS];

    private int size;
    /** The least recently seen flow, the first to be evicted or to time out; null when empty. */
    private Flow eldest;
    /** The most recently seen flow; null when empty. */
    private Flow youngest;
    /** The number of the packet being handled, stamped on every flow made the most recently seen. */
    long clock;

    int size() {
        return size;
    }

    /** The least recently seen flow, or null when there is none. */
    Flow eldest() {
        return eldest;
    }

    /**
     * The flow with this key (endpoints in the key's canonical order), made the most recently seen;
     * null when there is none.
     */
    Flow find(int protocol, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort, int vlan) {
        // The most recently seen flow first: it is the packet's flow for 77 % of the packets of the
        // ICS capture ics_big (a poll's response follows its request), which then costs neither
        // the hash nor a probe, and needs no relinking.
        Flow y = youngest;
        if (y != null && y.hasKey(protocol, aHigh, aLow, aPort, bHigh, bLow, bPort, vlan)) {
            y.lastPacket = clock;
            return y;
        }
        int hash = FlowKey.hash(protocol, aHigh, aLow, aPort, bHigh, bLow, bPort, vlan);
        Flow[] s = slots;
        int[] h = hashes;
        int mask = s.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            Flow f = s[i];
            if (f == null) {
                return null;
            }
            if (h[i] == hash && f.hasKey(protocol, aHigh, aLow, aPort, bHigh, bLow, bPort, vlan)) {
                touch(f);
                return f;
            }
        }
    }

    /** Adds a flow whose key is not in the index yet, as the most recently seen. */
    void add(Flow flow) {
        if (size + 1 > slots.length >> 1) {
            grow();
        }
        flow.hash = flow.key().hashCode();
        place(slots, hashes, flow);
        size++;
        link(flow);
    }

    /** Removes a flow that is in the index. */
    void remove(Flow flow) {
        int mask = slots.length - 1;
        int i = spread(flow.hash) & mask;
        while (slots[i] != flow) {
            if (slots[i] == null) {
                throw new IllegalStateException("flow not in the index: " + flow);
            }
            i = (i + 1) & mask;
        }
        slots[i] = null;
        hashes[i] = 0;
        // Shift back every flow of the run after i that may not sit beyond the hole (Knuth 6.4, R).
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = spread(hashes[j]) & mask;
            boolean movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable) {
                slots[i] = slots[j];
                hashes[i] = hashes[j];
                slots[j] = null;
                hashes[j] = 0;
                i = j;
            }
        }
        size--;
        unlink(flow);
    }

    /**
     * Makes a flow in the index the most recently seen: {@link #unlink} then {@link #link} written
     * as one, as a flow that is not the youngest has a newer one and the list is not empty (once per
     * packet; under C1 the two were calls).
     */
    private void touch(Flow f) {
        f.lastPacket = clock;
        Flow last = youngest;
        if (f == last) {
            return;
        }
        Flow older = f.older;
        Flow newer = f.newer;
        if (older == null) {
            eldest = newer;
        } else {
            older.newer = newer;
        }
        newer.older = older;
        f.older = last;
        f.newer = null;
        last.newer = f;
        youngest = f;
    }

    private void link(Flow f) {
        f.lastPacket = clock;
        f.older = youngest;
        f.newer = null;
        if (youngest == null) {
            eldest = f;
        } else {
            youngest.newer = f;
        }
        youngest = f;
    }

    private void unlink(Flow f) {
        if (f.older == null) {
            eldest = f.newer;
        } else {
            f.older.newer = f.newer;
        }
        if (f.newer == null) {
            youngest = f.older;
        } else {
            f.newer.older = f.older;
        }
        f.older = null;
        f.newer = null;
    }

    private void grow() {
        Flow[] bigger = new Flow[slots.length << 1];
        int[] biggerHashes = new int[bigger.length];
        for (Flow f : slots) {
            if (f != null) {
                place(bigger, biggerHashes, f);
            }
        }
        slots = bigger;
        hashes = biggerHashes;
    }

    private static void place(Flow[] table, int[] tableHashes, Flow flow) {
        int mask = table.length - 1;
        int i = spread(flow.hash) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = flow;
        tableHashes[i] = flow.hash;
    }

    /** Mixes the high bits into the low ones, which pick the slot. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** For tests: the flows from least to most recently seen. */
    Flow[] inOrder() {
        Flow[] out = new Flow[size];
        int n = 0;
        for (Flow f = eldest; f != null; f = f.newer) {
            out[n++] = f;
        }
        return Arrays.copyOf(out, n);
    }
}
