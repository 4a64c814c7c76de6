package io.isthmus.connect.transfer.frame;

import java.util.List;
import java.util.Objects;

/**
 * One datagram of the one-way transfer. Every frame names its session {@code epoch} (a new one each
 * time a sender starts) and a batch {@code sequence} (dense within an epoch, from 1), so the
 * receiver can reorder, drop duplicates and name exactly what never came.
 */
public sealed interface DiodeFrame {
    long epoch();

    long sequence();

    /**
     * A data or parity fragment of a batch body. All fragments of one batch carry the same shape
     * ({@code dataCount}, {@code parityCount}, {@code bodyLength}, shard length) and the journal
     * range, so any single fragment that arrives tells which records a lost batch held.
     *
     * @param index 0..dataCount-1 for data, dataCount..dataCount+parityCount-1 for parity
     * @param bodyLength the batch body's bytes; shards are {@code ceil(bodyLength / dataCount)} long
     * @param replay the batch re-sends journal records by an operator's request
     */
    record Fragment(
            long epoch,
            long sequence,
            boolean replay,
            int index,
            int dataCount,
            int parityCount,
            int bodyLength,
            long firstRecord,
            long lastRecord,
            int recordCount,
            byte[] shard)
            implements DiodeFrame {
        public Fragment {
            Objects.requireNonNull(shard, "shard");
        }

        public boolean isParity() {
            return index >= dataCount;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fragment f
                    && f.epoch == epoch
                    && f.sequence == sequence
                    && f.replay == replay
                    && f.index == index
                    && f.dataCount == dataCount
                    && f.parityCount == parityCount
                    && f.bodyLength == bodyLength
                    && f.firstRecord == firstRecord
                    && f.lastRecord == lastRecord
                    && f.recordCount == recordCount
                    && java.util.Arrays.equals(f.shard, shard);
        }

        @Override
        public int hashCode() {
            return Objects.hash(epoch, sequence, index, java.util.Arrays.hashCode(shard));
        }

        @Override
        public String toString() {
            return "Fragment[" + epoch + "/" + sequence + " " + index + " of " + dataCount + "+" + parityCount + ", "
                    + shard.length + " bytes]";
        }
    }

    /**
     * What batch {@code sequence} holds, sent before and after its fragments.
     *
     * @param minMicros earliest source time in the batch, microseconds since the epoch
     * @param tagCount distinct tags in the batch; {@code tags} lists up to the limit of them
     */
    record Manifest(
            long epoch,
            long sequence,
            long firstRecord,
            long lastRecord,
            int recordCount,
            long minMicros,
            long maxMicros,
            int tagCount,
            List<String> tags)
            implements DiodeFrame {
        public Manifest {
            tags = List.copyOf(tags);
        }
    }

    /**
     * The sender is alive.
     *
     * @param sequence the last batch sequence sent in this epoch (0 before the first)
     * @param sentMicros the sender's clock when it sent this
     * @param lastRecord the newest journal id the sender has forwarded
     */
    record Heartbeat(long epoch, long sequence, long sentMicros, long lastRecord) implements DiodeFrame {}
}
