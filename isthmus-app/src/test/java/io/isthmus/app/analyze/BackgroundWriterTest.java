package io.isthmus.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-over to the writer thread keeps order, loses nothing and never swallows a failure. */
class BackgroundWriterTest {

    /**
     * Batch edges (nothing, a partial last batch, exactly full batches, one past a full one) and
     * more batches than the queue holds three times over: every item arrives in order, then the
     * stream is closed.
     */
    @ParameterizedTest
    @ValueSource(
            ints = {
                0,
                1,
                BackgroundWriter.BATCH - 1,
                BackgroundWriter.BATCH,
                BackgroundWriter.BATCH + 1,
                BackgroundWriter.BATCH * 5,
                BackgroundWriter.BATCH * BackgroundWriter.QUEUE * 3 + 17
            })
    void everyCountOfItemsArrivesWhole(int n) throws IOException {
        List<Integer> seen = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        try (var w = new BackgroundWriter<Integer>("test-writer", seen::add, () -> closed.set(true))) {
            for (int i = 0; i < n; i++) {
                w.accept(i);
            }
        }
        assertThat(seen).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(closed).isTrue();
    }

    @Test
    void aFailureOnTheWriterThreadIsThrownToTheProducer() {
        var w = new BackgroundWriter<Integer>(
                "test-writer",
                i -> {
                    throw new UncheckedIOException(new IOException("disk full"));
                },
                () -> {});
        assertThatThrownBy(() -> {
                    for (int i = 0; i < BackgroundWriter.BATCH * (BackgroundWriter.QUEUE + 4); i++) {
                        w.accept(i);
                    }
                    w.close();
                })
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk full");
    }

    @Test
    void aFailureWhileClosingTheStreamIsReported() {
        var w = new BackgroundWriter<Integer>("test-writer", i -> {}, () -> {
            throw new IOException("cannot flush");
        });
        w.accept(1);
        assertThatThrownBy(w::close).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot flush");
    }

    @Test
    void closingTwiceWritesNothingTwice() throws IOException {
        List<Integer> seen = new ArrayList<>();
        var w = new BackgroundWriter<Integer>("test-writer", seen::add, () -> {});
        w.accept(7);
        w.close();
        w.close();
        assertThat(seen).containsExactly(7);
    }
}
