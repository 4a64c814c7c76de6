package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PurdueLevelTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
        "0, LEVEL_0",
        "1, LEVEL_1",
        "2, LEVEL_2",
        "3, LEVEL_3",
        "3.5, LEVEL_3_5",
        "4, LEVEL_4",
        "5, LEVEL_5",
        "L0, LEVEL_0",
        "L3, LEVEL_3",
        "l3, LEVEL_3",
        "L3.5, LEVEL_3_5",
        "idmz, LEVEL_3_5",
        "IDMZ, LEVEL_3_5",
        "LEVEL_3_5, LEVEL_3_5",
        "level_4, LEVEL_4",
    })
    void parsesTheWaysArchitectureDrawingsWriteALevel(String text, PurdueLevel expected) {
        assertThat(PurdueLevel.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "-1", "L6", "3.0", "2.5", "L", "dmz", " 3", "level3"})
    void rejectsWhatIsNotALevelListingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> PurdueLevel.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a Purdue level; expected one of 0, 1, 2, 3, 3.5, 4, 5"
                        + " (optionally prefixed with L, as in L3.5) or idmz");
    }

    @Test
    void rejectsAnEmptyLevel() {
        assertThatThrownBy(() -> PurdueLevel.parse("")).hasMessageStartingWith("a Purdue level must not be empty");
    }

    @ParameterizedTest
    @EnumSource(PurdueLevel.class)
    void printsAsItParses(PurdueLevel level) {
        assertThat(PurdueLevel.parse(level.toString())).isEqualTo(level);
        assertThat(PurdueLevel.parse(level.label())).isEqualTo(level);
    }

    @Test
    void placesTheIdmzBetweenSiteOperationsAndBusiness() {
        assertThat(PurdueLevel.LEVEL_3_5.value()).isEqualTo(3.5);
        assertThat(PurdueLevel.LEVEL_3_5.label()).isEqualTo("3.5");
        assertThat(PurdueLevel.LEVEL_3_5.isEnterprise()).isFalse();
        assertThat(PurdueLevel.LEVEL_3_5.isControl()).isFalse();
        assertThat(PurdueLevel.LEVEL_3.value()).isLessThan(PurdueLevel.LEVEL_3_5.value());
        assertThat(PurdueLevel.LEVEL_4.value()).isGreaterThan(PurdueLevel.LEVEL_3_5.value());
    }

    @Test
    void groupsLevelsFourAndFiveAsEnterpriseAndZeroToTwoAsControl() {
        assertThat(PurdueLevel.values())
                .filteredOn(PurdueLevel::isEnterprise)
                .containsExactly(PurdueLevel.LEVEL_4, PurdueLevel.LEVEL_5);
        assertThat(PurdueLevel.values())
                .filteredOn(PurdueLevel::isControl)
                .containsExactly(PurdueLevel.LEVEL_0, PurdueLevel.LEVEL_1, PurdueLevel.LEVEL_2);
    }
}
