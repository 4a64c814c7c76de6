package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessKindTest {

    @Test
    void usesStableLowerCaseIds() {
        assertThat(Arrays.stream(AccessKind.values()).map(AccessKind::id))
                .containsExactly("read", "write", "control", "program", "diagnostic", "discovery");
    }

    @ParameterizedTest
    @EnumSource(AccessKind.class)
    void resolvesEveryIdBackToItsKind(AccessKind kind) {
        assertThat(AccessKind.fromId(kind.id())).isSameAs(kind);
    }

    @Test
    void rejectsAnUnknownIdListingTheValidOnes() {
        assertThatThrownBy(() -> AccessKind.fromId("READ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'READ' is not an access kind; expected one of read, write, control, program, diagnostic,"
                        + " discovery");
    }

    @Test
    void countsWritesControlAndProgrammingAsModifyingADevice() {
        assertThat(AccessKind.values())
                .filteredOn(AccessKind::modifiesDevice)
                .containsExactly(AccessKind.WRITE, AccessKind.CONTROL, AccessKind.PROGRAM);
    }

    @Test
    void expectsControllersAtLevelOneAndLeavesItHostsUnplaced() {
        assertThat(AssetRole.PLC.typicalLevel()).hasValue(PurdueLevel.LEVEL_1);
        assertThat(AssetRole.HISTORIAN.typicalLevel()).hasValue(PurdueLevel.LEVEL_3);
        assertThat(AssetRole.IT_HOST.typicalLevel()).isEmpty();
        assertThat(AssetRole.UNKNOWN.typicalLevel()).isEmpty();
    }
}
