package io.isthmus.connect.transfer.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HandOffSinkTest {

    private static Delivery delivery(long sequence, int payloadBytes) {
        var record = new JournalRecord(sequence, RecordType.OPAQUE, Instant.EPOCH, new byte[payloadBytes]);
        return new Delivery(1, sequence, false, false, List.of(record));
    }

    @Test
    void theSinkSeesEveryDeliveryInOrderOnAnotherThreadAndCloseWaitsForIt() {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        var sink = new TransferSink() {
            public void deliver(Delivery d) {
                seen.add(d.sequence());
                threads.add(Thread.currentThread().getName());
            }

            public void lost(Gap gap) {
                seen.add(-1L);
            }
        };
        var handOff = new HandOffSink(sink, 64 * 1024, "test-sink");
        for (long s = 1; s <= 1000; s++) {
            handOff.deliver(delivery(s, 2048));
        }
        handOff.close();
        assertThat(seen).hasSize(1000).isSorted();
        assertThat(threads).containsOnly("test-sink");
    }

    @Test
    void aFullHandOffBlocksTheReceiverInsteadOfGrowing() throws Exception {
        var release = new CountDownLatch(1);
        var sink = new TransferSink() {
            public void deliver(Delivery d) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            public void lost(Gap gap) {}
        };
        var handOff = new HandOffSink(sink, 8 * 1024, "blocked-sink");
        var receiver = Thread.ofPlatform().start(() -> {
            for (long s = 1; s <= 20; s++) {
                handOff.deliver(delivery(s, 4096)); // 4 KiB each; 8 KiB fit
            }
        });
        receiver.join(500);
        assertThat(receiver.isAlive()).as("the receive thread waits for room").isTrue();
        release.countDown();
        receiver.join();
        handOff.close();
    }

    @Test
    void aSinkFailureIsRethrownOnTheReceiveThread() {
        var sink = new TransferSink() {
            public void deliver(Delivery d) {
                throw new IllegalStateException("historian closed");
            }

            public void lost(Gap gap) {}
        };
        var handOff = new HandOffSink(sink, 1024 * 1024, "failing-sink");
        handOff.deliver(delivery(1, 10));
        assertThatThrownBy(handOff::close).hasMessage("historian closed");
    }
}
