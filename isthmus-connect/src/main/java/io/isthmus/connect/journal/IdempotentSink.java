package io.isthmus.connect.journal;

import java.util.List;

/**
 * The contract for a destination that makes journal delivery exactly-once (the historian): the
 * journal delivers at least once (records after the last commit come again after a crash), the sink
 * remembers which ids it applied and ignores them the second time. {@link ExactlyOnceDelivery} does
 * the filtering; a sink only has to store data and ids together.
 */
public interface IdempotentSink {

    /** The ids applied so far, as durably stored; read at start and after every failure. */
    AppliedSequences applied();

    /**
     * Stores {@code records} and {@code after} atomically (one transaction): after a crash either
     * both are there or neither. {@code records} holds no id {@link #applied()} already contains.
     */
    void apply(List<JournalRecord> records, AppliedSequences after);
}
