package io.isthmus.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.store.JournalProgress.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JournalProgressTest {

    /** Progress holding 0 and every even sequence 2..2n: n spans above with one-id gaps between. */
    private static JournalProgress evenSpans(int n) {
        JournalProgress p = JournalProgress.NONE.with(0);
        for (int i = 1; i <= n; i++) {
            p = p.with(2L * i);
        }
        return p;
    }

    @Test
    void theSpanAfterTheLimitGivesUpTheOldestGapInsteadOfThrowing() {
        JournalProgress full = evenSpans(JournalProgress.MAX_SPANS);
        assertThat(full.above()).hasSize(JournalProgress.MAX_SPANS);
        assertThat(full.contiguousThrough()).isZero();

        long next = 2L * JournalProgress.MAX_SPANS + 2;
        JournalProgress after = full.with(next);

        assertThat(after.above()).hasSize(JournalProgress.MAX_SPANS);
        assertThat(after.contiguousThrough())
                .as("gap 1 given up, span 2..2 folded in")
                .isEqualTo(2);
        assertThat(after.contains(1)).isTrue();
        assertThat(after.contains(3)).isFalse();
        assertThat(after.contains(next)).isTrue();
        assertThat(JournalProgress.givenUp(full, after, new long[] {next}, 0)).containsExactly(new Span(1, 1));
    }

    @Test
    void aHostileStreamOfSparseIdsStaysBoundedAndEveryGivenUpIdIsReportedOnce() {
        Random random = new Random(7);
        JournalProgress p = JournalProgress.NONE;
        long id = 0;
        long givenUp = 0;
        List<Span> reported = new ArrayList<>();
        for (int batch = 0; batch < 3_000; batch++) {
            JournalProgress before = p;
            long[] stored = new long[4];
            for (int r = 0; r < stored.length; r++) {
                id += 2 + random.nextInt(3);
                stored[r] = id;
                p = p.with(id);
            }
            for (Span s : JournalProgress.givenUp(before, p, stored, -1)) {
                givenUp += s.last() - s.first() + 1;
                if (!reported.isEmpty()) {
                    assertThat(s.first()).isGreaterThan(reported.getLast().last());
                }
                reported.add(s);
            }
            assertThat(p.above().size()).isLessThanOrEqualTo(JournalProgress.MAX_SPANS);
        }
        // every id at or below contiguousThrough was stored (12,000 ids in all) or reported as given up
        long storedBelow = 12_000 - countAbove(p);
        assertThat(givenUp + storedBelow).isEqualTo(p.contiguousThrough() + 1);
        assertThat(JournalProgress.of(p.contiguousThrough(), p.aboveText())).isEqualTo(p);
    }

    @Test
    void gapsFilledBySettlingOrByStoringAreNotGivenUp() {
        JournalProgress before = JournalProgress.of(3, "7-8,12-12");
        JournalProgress stored = before.with(4).with(5).with(6);
        assertThat(stored.contiguousThrough()).isEqualTo(8);
        assertThat(JournalProgress.givenUp(before, stored, new long[] {4, 5, 6}, 0))
                .isEmpty();

        JournalProgress settled = before.settledThrough(11);
        assertThat(settled.contiguousThrough()).isEqualTo(12);
        assertThat(JournalProgress.givenUp(before, settled, new long[0], 11)).isEmpty();
    }

    @Test
    void givenUpNamesOnlyTheIdsNeitherHeldBeforeNorStoredNow() {
        JournalProgress before = JournalProgress.of(3, "7-8,12-12");
        JournalProgress after = JournalProgress.of(12, "");
        assertThat(JournalProgress.givenUp(before, after, new long[] {5, 10}, 0))
                .containsExactly(new Span(4, 4), new Span(6, 6), new Span(9, 9), new Span(11, 11));
    }

    private static long countAbove(JournalProgress p) {
        long n = 0;
        for (Span s : p.above()) {
            n += s.last() - s.first() + 1;
        }
        return n;
    }
}
