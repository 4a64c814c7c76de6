package io.isthmus.connect.journal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One record as read back: its sequence id, the envelope (type, time of append) and the payload.
 *
 * @param payload a fresh array for every read; the caller owns it
 */
public record JournalRecord(long sequence, RecordType type, Instant appendedAt, byte[] payload) {

    public JournalRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence + " must be at least 1");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(appendedAt, "appendedAt");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalRecord r
                && r.sequence == sequence
                && r.type == type
                && r.appendedAt.equals(appendedAt)
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, type, appendedAt, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 16));
        return "JournalRecord[sequence=" + sequence + ", type=" + type + ", appendedAt=" + appendedAt + ", payload="
                + payload.length + " bytes " + head + (payload.length > 16 ? "..." : "") + "]";
    }
}
