package io.isthmus.wire.dnp3.transport;

import java.util.Arrays;

/**
 * An application fragment being assembled. Its buffer starts at the size of the first segment and
 * grows only as segments arrive, never past the maximum the reassembler was given.
 */
final class PartialFragment {
    private final ReassemblyKey key;
    private byte[] bytes;
    private int length;
    private int segments;
    private int lastSequence;

    /** @param payload the first segment's payload, taken over as the buffer's start */
    PartialFragment(ReassemblyKey key, byte[] payload, int sequence) {
        this.key = key;
        this.bytes = payload;
        this.length = bytes.length;
        this.segments = 1;
        this.lastSequence = sequence;
    }

    ReassemblyKey key() {
        return key;
    }

    int length() {
        return length;
    }

    int segments() {
        return segments;
    }

    int lastSequence() {
        return lastSequence;
    }

    /**
     * Appends a segment's payload; {@code last} (FIN) grows the buffer to exactly the fragment, so
     * {@link #toFragment} hands it over without another copy.
     */
    void append(byte[] payload, int sequence, int maxSize, boolean last) {
        int add = payload.length;
        if (length + add > bytes.length) {
            int size = last ? length + add : Math.min(maxSize, Math.max(length + add, bytes.length * 2));
            bytes = Arrays.copyOf(bytes, size);
        }
        System.arraycopy(payload, 0, bytes, length, add);
        length += add;
        segments++;
        lastSequence = sequence;
    }

    /** The fragment; the buffer itself when it is exactly full (the reassembler has let go of it). */
    byte[] toFragment() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    String describe() {
        return segments + " segment(s), " + length + " octet(s) from " + key.source() + " to " + key.destination();
    }
}
