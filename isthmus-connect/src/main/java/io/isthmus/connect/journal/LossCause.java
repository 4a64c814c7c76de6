package io.isthmus.connect.journal;

/** Why records were lost. */
public enum LossCause {
    /** The journal was full and deleted its oldest segment ({@link FullPolicy#DROP_OLDEST}). */
    DROPPED_OLDEST,
    /** The journal was full and refused new records ({@link FullPolicy#REJECT_NEW}); they got no ids. */
    REJECTED_NEW,
    /** Recovery found records it could not read ({@link RecoveryReport.Corruption}, unreadable segments). */
    CORRUPTED,
    /** Recovery found the newest records of a cleanly closed journal gone ({@link RecoveryReport.MissingTail}). */
    MISSING_TAIL
}
