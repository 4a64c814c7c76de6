package io.isthmus.access.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        PasswordHash h = PasswordHash.create("correct horse".toCharArray(), PasswordHash.MIN_ITERATIONS, random);
        assertThat(h.matches("correct horse".toCharArray())).isTrue();
        assertThat(h.matches("correct horsf".toCharArray())).isFalse();
        assertThat(h.matches(new char[0])).isFalse();
    }

    @Test
    void theStoredFormRoundTripsAndHoldsNoPassword() {
        PasswordHash h = PasswordHash.create("s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS, random);
        String stored = h.encode();
        assertThat(stored).startsWith("pbkdf2-sha256$10000$").doesNotContain("s3cret");
        assertThat(PasswordHash.parse(stored).matches("s3cret".toCharArray())).isTrue();
    }

    @Test
    void twoHashesOfOnePasswordDifferBySalt() {
        PasswordHash a = PasswordHash.create("same".toCharArray(), PasswordHash.MIN_ITERATIONS, random);
        PasswordHash b = PasswordHash.create("same".toCharArray(), PasswordHash.MIN_ITERATIONS, random);
        assertThat(a.encode()).isNotEqualTo(b.encode());
    }

    @Test
    void theDefaultIterationCountIsHigh() {
        assertThat(PasswordHash.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "pbkdf2-sha256",
                "pbkdf2-sha1$10000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$x$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$10000$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
                "pbkdf2-sha256$10000$!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra"
            })
    void malformedStoredHashesAreRefusedWithAReason(String stored) {
        assertThatThrownBy(() -> PasswordHash.parse(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(hash|iteration|salt|reads).*");
    }
}
