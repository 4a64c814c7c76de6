package io.isthmus.access.audit;

/**
 * One thing the verifier found.
 *
 * @param kind what
 * @param line the 1-based line of the record file (or checkpoint file for checkpoint findings) it
 *     concerns; 0 when it concerns the log as a whole
 * @param detail one sentence for the operator
 */
public record Finding(Kind kind, long line, String detail) {

    public enum Kind {
        /** A line that is not a record (or checkpoint) we write. */
        MALFORMED(true),
        /** Records missing from the sequence. */
        DELETED(true),
        /** A record out of sequence order, or the same sequence twice. */
        REORDERED(true),
        /** The records no longer hash to a root that was signed: one was changed. */
        EDITED(true),
        /** Fewer records than a signed checkpoint covers. */
        TRUNCATED(true),
        /** A checkpoint whose signature does not verify with the public key. */
        BAD_SIGNATURE(true),
        /** Checkpoints whose sizes or times go backwards. */
        CHECKPOINT_ORDER(true),
        /** The log is older than, or diverges from, a checkpoint a witness saw before. */
        ROLLBACK(true),
        /** Records after the last checkpoint: intact as far as anyone can tell, but not yet signed. */
        UNSIGNED_TAIL(false),
        /** A partial last line, as a crash in the middle of a write leaves; the log truncates it. */
        TORN_TAIL(false);

        private final boolean failure;

        Kind(boolean failure) {
            this.failure = failure;
        }

        /** Whether the log fails verification because of it (otherwise it is a warning). */
        public boolean failure() {
            return failure;
        }
    }
}
