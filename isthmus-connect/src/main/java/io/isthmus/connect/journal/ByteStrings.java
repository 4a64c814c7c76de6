package io.isthmus.connect.journal;

import java.util.Arrays;

/**
 * Distinct byte strings, numbered 0, 1, … in the order they were added and found again by their
 * bytes and their {@code 31 * h + b} hash in an open-addressing table: the {@link
 * SummaryAccumulator}'s set of tag paths and its set of path prefixes. Unbounded itself; the
 * accumulator checks its bounds before {@link #insert}. Not thread-safe.
 */
final class ByteStrings {
    private byte[] arena = new byte[4096];
    private int arenaUsed;
    private int[] hashes = new int[128];
    private int[] offsets = new int[128];
    private int[] lengths = new int[128];
    private int size;
    private int[] slots = new int[256]; // entry index + 1, 0 for empty

    int size() {
        return size;
    }

    int arenaUsed() {
        return arenaUsed;
    }

    byte[] arena() {
        return arena;
    }

    int offset(int entry) {
        return offsets[entry];
    }

    int length(int entry) {
        return lengths[entry];
    }

    /** The string's index, or {@code -1 - slot} with the slot {@link #insert} takes if it is absent. */
    int find(byte[] spelled, int length, int hash) {
        int mask = slots.length - 1;
        for (int s = mix(hash) & mask; ; s = (s + 1) & mask) {
            int entry = slots[s] - 1;
            if (entry < 0) {
                return -1 - s;
            }
            if (hashes[entry] == hash
                    && lengths[entry] == length
                    && Arrays.equals(arena, offsets[entry], offsets[entry] + length, spelled, 0, length)) {
                return entry;
            }
        }
    }

    /** Adds {@code spelled[0..length)} at {@code absent}, what {@link #find} just returned; its index. */
    int insert(int absent, byte[] spelled, int length, int hash) {
        if (arena.length < arenaUsed + length) {
            arena = Arrays.copyOf(arena, Math.max(arenaUsed + length, 2 * arena.length));
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, 2 * size);
            offsets = Arrays.copyOf(offsets, 2 * size);
            lengths = Arrays.copyOf(lengths, 2 * size);
        }
        System.arraycopy(spelled, 0, arena, arenaUsed, length);
        hashes[size] = hash;
        offsets[size] = arenaUsed;
        lengths[size] = length;
        arenaUsed += length;
        slots[-1 - absent] = ++size;
        if (2 * size > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /** Takes back every string from index {@code keep} on. */
    void truncate(int keep) {
        for (int e = size - 1; e >= keep; e--) {
            // newest first: with linear probing no older entry's probe passes a newer entry's slot
            slots[slotOf(e)] = 0;
        }
        if (keep < size) {
            arenaUsed = offsets[keep];
            size = keep;
        }
    }

    void clear() {
        Arrays.fill(slots, 0);
        size = 0;
        arenaUsed = 0;
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int e = 0; e < size; e++) {
            int s = mix(hashes[e]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = e + 1;
        }
    }

    private int slotOf(int entry) {
        int mask = slots.length - 1;
        int s = mix(hashes[entry]) & mask;
        while (slots[s] != entry + 1) {
            s = (s + 1) & mask;
        }
        return s;
    }

    static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }
}
