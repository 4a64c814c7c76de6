package io.isthmus.connect.transfer.receive;

import io.isthmus.connect.journal.JournalRecord;
import java.util.List;

/**
 * One batch as received and checked (CRC per fragment, SHA-256 over the body), in sequence order
 * within its epoch. Journal ids within a batch are not always ascending: the sender puts live
 * records before backlog ones, so a sink must track applied ids, not only the highest.
 *
 * @param recovered the erasure code rebuilt at least one data fragment
 */
public record Delivery(long epoch, long sequence, boolean replay, boolean recovered, List<JournalRecord> records) {
    public Delivery {
        records = List.copyOf(records);
    }
}
