package io.isthmus.insight.rul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The C-MAPSS reader over arbitrary text: it returns cycles that satisfy the record's invariants
 * or a {@link CmapssFormatException} naming a line inside the input, never another exception, and
 * never more rows than its limit. Regression mode runs {@code CmapssFormatFuzzTestInputs/}.
 */
class CmapssFormatFuzzTest {
    private static final CmapssLimits SMALL = new CmapssLimits(50, 512, 1000, 1000);

    @FuzzTest(maxDuration = "60s")
    void any_text_parses_to_cycles_or_a_line_error(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        assertThatCode(() -> {
                    try {
                        var rows = CmapssFormat.parseCycles(text, SMALL);
                        assertThat(rows.size()).isLessThanOrEqualTo(SMALL.maxRows());
                        rows.forEach(r -> assertThat(r.unit()).isBetween(1, SMALL.maxUnit()));
                    } catch (CmapssFormatException e) {
                        assertThat(e.line()).isBetween(1, (int) lines);
                    }
                    try {
                        var ruls = CmapssFormat.parseRul(text, SMALL);
                        ruls.forEach(r -> assertThat(r).isBetween(0, SMALL.maxCycle()));
                    } catch (CmapssFormatException e) {
                        assertThat(e.line()).isBetween(1, (int) lines);
                    }
                })
                .doesNotThrowAnyException();
    }
}
