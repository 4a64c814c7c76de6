package io.isthmus.access.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B (SHA-1 rows) and the acceptance rules around them. */
class TotpTest {
    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void theRfc6238TestVectorsForSha1(long seconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(KEY, step, 8)).isEqualTo(expected);
        assertThat(Totp.code(KEY, step, 6)).isEqualTo(expected.substring(2));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNotTwo() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        for (int d = -1; d <= 1; d++) {
            assertThat(Totp.match(KEY, Totp.code(KEY, step + d, 6), now, Long.MIN_VALUE))
                    .isEqualTo(step + d);
        }
        assertThat(Totp.match(KEY, Totp.code(KEY, step - 2, 6), now, Long.MIN_VALUE))
                .isEqualTo(-1);
        assertThat(Totp.match(KEY, Totp.code(KEY, step + 2, 6), now, Long.MIN_VALUE))
                .isEqualTo(-1);
    }

    @Test
    void aUsedCodeAndAnyOlderOneAreRefused() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        String code = Totp.codeAt(KEY, now);
        assertThat(Totp.match(KEY, code, now, step)).isEqualTo(-1);
        assertThat(Totp.match(KEY, Totp.code(KEY, step - 1, 6), now, step)).isEqualTo(-1);
        assertThat(Totp.match(KEY, Totp.code(KEY, step + 1, 6), now, step)).isEqualTo(step + 1);
    }

    @Test
    void codesOfTheWrongShapeAreRefused() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        assertThat(Totp.match(KEY, "", now, Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(Totp.match(KEY, "12345", now, Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(Totp.match(KEY, "1234567", now, Long.MIN_VALUE)).isEqualTo(-1);
    }
}
