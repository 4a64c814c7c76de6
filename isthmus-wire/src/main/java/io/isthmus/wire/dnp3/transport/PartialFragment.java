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

    PartialFragment(ReassemblyKey key, byte[] segment, int sequence) {
        this.key = key;
        this.bytes = Arrays.copyOfRange(segment, 1, segment.length);
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

    void append(byte[] segment, int sequence, int maxSize) {
        int add = segment.length - 1;
        if (length + add > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxSize, Math.max(length + add, bytes.length * 2)));
        }
        System.arraycopy(segment, 1, bytes, length, add);
        length += add;
        segments++;
        lastSequence = sequence;
    }

    byte[] toFragment() {
        return Arrays.copyOf(bytes, length);
    }

    String describe() {
        return segments + " segment(s), " + length + " octet(s) from " + key.source() + " to " + key.destination();
    }
}
