package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppliedSequencesTest {

    @Test
    void in_order_ids_only_move_the_contiguous_prefix() {
        var applied = AppliedSequences.NONE.with(1).with(2).with(3);

        assertThat(applied).isEqualTo(new AppliedSequences(3, List.of()));
        assertThat(applied.contains(2)).isTrue();
        assertThat(applied.contains(4)).isFalse();
    }

    @Test
    void ids_ahead_of_the_prefix_wait_in_ranges_and_fold_in_when_the_gap_closes() {
        var applied = AppliedSequences.NONE.with(1).with(10).with(11).with(5);

        assertThat(applied.above()).containsExactly(SequenceRange.of(5), new SequenceRange(10, 11));
        assertThat(applied.highest()).isEqualTo(11);
        assertThat(applied.with(2).with(3).with(4))
                .isEqualTo(new AppliedSequences(5, List.of(new SequenceRange(10, 11))));
    }

    @Test
    void settling_vouches_for_everything_below_and_drops_ranges_it_covers() {
        var applied = AppliedSequences.NONE.with(1).with(10).with(20);

        assertThat(applied.settledThrough(15)).isEqualTo(new AppliedSequences(15, List.of(SequenceRange.of(20))));
        assertThat(applied.settledThrough(19)).isEqualTo(new AppliedSequences(20, List.of()));
        assertThat(applied.settledThrough(0)).isSameAs(applied);
    }

    @Test
    void ranges_must_be_sorted_disjoint_and_above_the_prefix() {
        assertThatThrownBy(() -> new AppliedSequences(5, List.of(SequenceRange.of(6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppliedSequences(0, List.of(SequenceRange.of(9), SequenceRange.of(5))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
