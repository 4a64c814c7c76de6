package io.isthmus.connect.transfer;

import io.isthmus.connect.journal.JournalRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an edge sends a hub in one request: journal records (live ones first, then backlog, as a
 * {@link io.isthmus.connect.journal.ForwardingReader} batches them) and how far delivery is settled.
 *
 * @param edgeId the sending edge; sequences are only comparable within one edge's journal
 * @param settledThrough every sequence up to it is in this batch or an earlier one, or will never
 *     come (the consumer cursor the edge commits once the hub acknowledges)
 * @param records unique sequences, not necessarily in order
 */
public record TransferBatch(String edgeId, long settledThrough, List<JournalRecord> records) {
    static final Pattern EDGE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public TransferBatch {
        Objects.requireNonNull(edgeId, "edgeId");
        if (!EDGE_ID.matcher(edgeId).matches()) {
            throw new IllegalArgumentException(
                    "edge id '" + edgeId + "' must be 1 to 128 characters of A-Z a-z 0-9 _ . -");
        }
        if (settledThrough < 0) {
            throw new IllegalArgumentException("settledThrough " + settledThrough + " is negative");
        }
        records = List.copyOf(records);
        Set<Long> seen = new HashSet<>();
        for (JournalRecord r : records) {
            if (!seen.add(r.sequence())) {
                throw new IllegalArgumentException("sequence " + r.sequence() + " is twice in one batch");
            }
        }
    }
}
