package io.isthmus.insight.rul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CmapssFormatTest {
    private static final String ROW =
            "1 2 0.0019 -0.0003 100.0 518.67 642.15 1591.82 1403.14 14.62 21.61 553.75 2388.04 9044.07 1.30"
                    + " 47.49 522.28 2388.07 8131.49 8.4318 0.03 392 2388 100.00 39.00 23.4236  ";

    @Test
    void aRowBecomesUnitCycleSettingsAndSensorsNumberedFromOne() {
        List<EngineCycle> rows = CmapssFormat.parseCycles(ROW + "\r\n", CmapssLimits.DEFAULT);

        assertThat(rows).hasSize(1);
        EngineCycle c = rows.getFirst();
        assertThat(c.unit()).isEqualTo(1);
        assertThat(c.cycle()).isEqualTo(2);
        assertThat(c.setting(1)).isEqualTo(0.0019);
        assertThat(c.setting(3)).isEqualTo(100.0);
        assertThat(c.sensor(1)).isEqualTo(518.67);
        assertThat(c.sensor(21)).isEqualTo(23.4236);
    }

    @Test
    void theWholeFd001SetReadsAsOneHundredEnginesEach() {
        assertThat(Fd001.train())
                .hasSize(100)
                .allMatch(e -> e.cycles().getFirst().cycle() == 1);
        assertThat(Fd001.test()).hasSize(100);
        assertThat(Fd001.testRul()).hasSize(100).startsWith(112, 98, 69);
        assertThat(Fd001.train().stream().mapToInt(EngineHistory::length).sum()).isEqualTo(20_631);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "too few columns            | 1 2 3                                                | expected 26 columns, found 3",
                "unit not a number          | x 2 0 0 100 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | unit is not a decimal number: 'x'",
                "unit zero                  | 0 2 0 0 100 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | unit must be a whole number from 1",
                "fractional cycle           | 1 2.5 0 0 100 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | cycle must be a whole number",
                "NaN sensor                 | 1 2 0 0 100 NaN 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | sensor 1 is not a decimal number: 'NaN'",
                "Infinity setting           | 1 2 Infinity 0 100 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | setting 1 is not a decimal number",
                "hex float                  | 1 2 0 0 100 0x1p3 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | sensor 1 is not a decimal number",
                "type suffix                | 1 2 0 0 100 1d 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | sensor 1 is not a decimal number",
                "overflowing exponent       | 1 2 0 0 100 1e999 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | sensor 1 is out of range",
                "huge cycle                 | 1 9999999 0 0 100 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 | cycle must be a whole number from 1 to 100000",
            })
    void malformedRowsNameTheLineAndTheField(String what, String line, String message) {
        assertThatThrownBy(() -> CmapssFormat.parseCycles("\n" + line.strip(), CmapssLimits.DEFAULT))
                .isInstanceOf(CmapssFormatException.class)
                .hasMessageStartingWith("line 2: ")
                .hasMessageContaining(message);
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeItIsSplit() {
        var limits = new CmapssLimits(10, 100, 10, 10);
        assertThatThrownBy(() -> CmapssFormat.parseCycles("1".repeat(101), limits))
                .isInstanceOf(CmapssFormatException.class)
                .hasMessage("line 1: longer than 100 characters (101)");
    }

    @Test
    void moreRowsThanTheLimitAreRefused() {
        var limits = new CmapssLimits(2, 1024, 10, 10);
        String three = (ROW + "\n").repeat(3);
        assertThatThrownBy(() -> CmapssFormat.parseCycles(three, limits))
                .isInstanceOf(CmapssFormatException.class)
                .hasMessage("line 3: more than 2 rows");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"-1 | RUL must be a whole number from 0", "1 2 | expected one number, found 2", "1.5 | RUL must"})
    void malformedRulLinesAreRefused(String line, String message) {
        assertThatThrownBy(() -> CmapssFormat.parseRul("3\n" + line, CmapssLimits.DEFAULT))
                .isInstanceOf(CmapssFormatException.class)
                .hasMessageStartingWith("line 2: ")
                .hasMessageContaining(message);
    }

    @Test
    void anEngineHistoryRefusesCyclesThatDoNotIncrease() {
        List<EngineCycle> rows = CmapssFormat.parseCycles(ROW + "\n" + ROW, CmapssLimits.DEFAULT);
        assertThatThrownBy(() -> EngineHistory.group(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine 1: cycle 2 follows cycle 2; cycles must increase");
    }
}
