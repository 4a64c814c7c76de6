package io.isthmus.connect.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * One batch from a {@link ForwardingReader}: live records first, then backlog records, each part in
 * id order.
 *
 * @param committableThrough every record up to this id is in this batch or an earlier one (or does
 *     not exist); what {@link ForwardingReader#commit} stores once the batch is delivered
 */
public record ForwardBatch(List<JournalRecord> live, List<JournalRecord> backlog, long committableThrough) {
    public ForwardBatch {
        live = List.copyOf(live);
        backlog = List.copyOf(backlog);
    }

    /** Live records, then backlog records: the order to send them in. */
    public List<JournalRecord> records() {
        List<JournalRecord> all = new ArrayList<>(live.size() + backlog.size());
        all.addAll(live);
        all.addAll(backlog);
        return all;
    }

    public int size() {
        return live.size() + backlog.size();
    }

    public boolean isEmpty() {
        return live.isEmpty() && backlog.isEmpty();
    }
}
