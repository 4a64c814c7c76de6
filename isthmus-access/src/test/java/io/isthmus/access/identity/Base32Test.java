package io.isthmus.access.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4648 section 10 test vectors, lenient input and refused input. */
class Base32Test {
    @Test
    void theRfc4648Vectors() {
        String[][] v = {
            {"", ""},
            {"f", "MY"},
            {"fo", "MZXQ"},
            {"foo", "MZXW6"},
            {"foob", "MZXW6YQ"},
            {"fooba", "MZXW6YTB"},
            {"foobar", "MZXW6YTBOI"}
        };
        for (String[] p : v) {
            assertThat(Base32.encode(p[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(p[1]);
            assertThat(Base32.decode(p[1]).orElseThrow()).isEqualTo(p[0].getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void lowerCaseSpacesAndPaddingAsPeopleTypeThem() {
        assertThat(Base32.decode("mzxw 6ytb oi======").orElseThrow())
                .isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1", "MZ=XW", "0", "8", "MZXW6!", "é"})
    void charactersOutsideTheAlphabetAreRefused(String text) {
        assertThat(Base32.decode(text)).isEmpty();
    }

    @Test
    void overlongTextIsRefusedBeforeDecoding() {
        assertThat(Base32.decode("A".repeat(Base32.MAX_CHARS + 1))).isEmpty();
    }

    @FuzzTest(maxDuration = "20s")
    void decodingAnyTextEndsInBytesOrEmptyAndRoundTrips(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Base32.decode(text)
                .ifPresent(
                        bytes -> assertThat(Base32.decode(Base32.encode(bytes)).orElseThrow())
                                .isEqualTo(bytes));
    }
}
