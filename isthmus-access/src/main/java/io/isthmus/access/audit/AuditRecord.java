package io.isthmus.access.audit;

import java.util.Objects;

/**
 * One numbered record of the log: its position (0 for the first) and the event. The sequence makes
 * a deleted or reordered line visible even before the Merkle tree is recomputed.
 */
public record AuditRecord(long sequence, AuditEvent event) {
    public AuditRecord {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
        Objects.requireNonNull(event, "event");
    }
}
