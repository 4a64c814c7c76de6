package io.isthmus.wire.dnp3.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared IIN sets are the bits {@link Iin#of} reads, for every IIN word. */
class IinSetTest {

    @Test
    void everyWordGivesTheBitsOfIinOfInBitOrderAndTheProblemBitsNamesOnce() {
        for (int word = 0; word < 1 << 16; word++) {
            Set<Iin> expected = Iin.of(word & 0xFF, word >> 8);
            IinSet shared = IinSet.of(word & 0xFF, word >> 8);

            assertThat(shared).as("word %04x", word).isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(new ArrayList<>(shared)).containsExactlyElementsOf(expected);
            for (Iin bit : Iin.values()) {
                assertThat(shared.contains(bit)).isEqualTo(expected.contains(bit));
            }
            List<String> problems =
                    expected.stream().filter(Iin::problem).map(Iin::name).toList();
            assertThat(shared.problems())
                    .isEqualTo(problems.isEmpty() ? Optional.empty() : Optional.of(String.join(",", problems)));
            assertThat(IinSet.of(word & 0xFF, word >> 8)).isSameAs(shared);
        }
    }

    @Test
    void theSetCannotBeChanged() {
        IinSet set = IinSet.of(0x82, 0x04);
        assertThat(set.toString()).isEqualTo("[CLASS_1_EVENTS, DEVICE_RESTART, PARAMETER_ERROR]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> set.add(Iin.BROADCAST))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> set.iterator().remove())
                .isInstanceOf(RuntimeException.class);
        assertThat(set).hasSize(3);
    }

    @Test
    void aFragmentFromAnotherSetHasTheSameProblemText() {
        var fromEnumSet = new AppFragment(
                AppControl.of(0xC0), 0x81, FunctionCode.RESPONSE, Iin.of(0x40, 0x06), List.of(), List.of());
        var fromShared = new AppFragment(
                AppControl.of(0xC0), 0x81, FunctionCode.RESPONSE, IinSet.of(0x40, 0x06), List.of(), List.of());

        assertThat(fromEnumSet).isEqualTo(fromShared);
        assertThat(fromEnumSet.iinProblems()).contains("DEVICE_TROUBLE,OBJECT_UNKNOWN,PARAMETER_ERROR");
        assertThat(fromShared.iinProblems()).isEqualTo(fromEnumSet.iinProblems());
    }
}
