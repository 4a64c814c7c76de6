package io.isthmus.connect.transfer.receive;

import io.isthmus.connect.journal.JournalRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A test sink: records by journal id (a second delivery must be identical), gaps in order. */
public final class RecordingSink implements TransferSink {
    public final TreeMap<Long, JournalRecord> records = new TreeMap<>();
    public final List<Gap> gaps = new ArrayList<>();
    public final List<Delivery> deliveries = new ArrayList<>();
    public long redelivered;

    @Override
    public synchronized void deliver(Delivery delivery) {
        deliveries.add(new Delivery(
                delivery.epoch(), delivery.sequence(), delivery.replay(), delivery.recovered(), List.of()));
        for (JournalRecord r : delivery.records()) {
            JournalRecord before = records.putIfAbsent(r.sequence(), r);
            if (before != null) {
                if (!before.equals(r)) {
                    throw new AssertionError("journal id " + r.sequence() + " delivered twice with different content");
                }
                redelivered++;
            }
        }
    }

    @Override
    public synchronized void lost(Gap gap) {
        gaps.add(gap);
    }

    public synchronized List<Gap> gaps() {
        return new ArrayList<>(gaps);
    }
}
