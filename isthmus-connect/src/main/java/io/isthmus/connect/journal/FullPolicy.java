package io.isthmus.connect.journal;

/** What the journal does when a record would take it over its size limits. Either way it is counted and raised. */
public enum FullPolicy {
    /**
     * Delete the oldest segment, even if a consumer has not read it; the records no consumer had
     * committed are counted as dropped and raised as a DATA_LOSS event. Keeps the newest data.
     */
    DROP_OLDEST,
    /**
     * Refuse the new record with {@link JournalFullException}; counted and raised as a DATA_LOSS
     * event (once per episode, with a summary when records are accepted again). Keeps the oldest data.
     */
    REJECT_NEW
}
