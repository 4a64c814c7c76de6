package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityTest {

    @ParameterizedTest(name = "{0}: rank {1}, syslog {2}, CEF {3}")
    @CsvSource({"INFO, 0, 6, 0", "LOW, 1, 5, 3", "MEDIUM, 2, 4, 5", "HIGH, 3, 3, 8", "CRITICAL, 4, 2, 10"})
    void mapsToSyslogAndCefScales(Severity severity, int rank, int syslog, int cef) {
        assertThat(severity.rank()).isEqualTo(rank);
        assertThat(severity.syslogSeverity()).isEqualTo(syslog);
        assertThat(severity.cefSeverity()).isEqualTo(cef);
    }

    @Test
    void growsMoreSevereInEveryScaleAsTheRankRises() {
        Severity[] all = Severity.values();
        for (int i = 1; i < all.length; i++) {
            assertThat(all[i].syslogSeverity()).isLessThan(all[i - 1].syslogSeverity());
            assertThat(all[i].cefSeverity()).isGreaterThan(all[i - 1].cefSeverity());
        }
        assertThat(Arrays.stream(all).mapToInt(Severity::cefSeverity)).allMatch(c -> c >= 0 && c <= 10);
    }

    @Test
    void comparesAgainstAThreshold() {
        assertThat(Severity.HIGH.isAtLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.LOW.isAtLeast(Severity.MEDIUM)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SL2", "sl2", "SL-2", "2"})
    void parsesASecurityLevelInTheUsualSpellings(String text) {
        assertThat(SecurityLevel.parse(text)).isEqualTo(SecurityLevel.SL2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SL5", "5", "", "SL", "L2", "SL22"})
    void rejectsWhatIsNotASecurityLevel(String text) {
        assertThatThrownBy(() -> SecurityLevel.parse(text))
                .hasMessage("'" + text + "' is not an IEC 62443 security level; expected SL0, SL1, SL2, SL3 or SL4");
    }

    @Test
    void aHigherSecurityLevelMeetsALowerTarget() {
        assertThat(SecurityLevel.SL3.meets(SecurityLevel.SL2)).isTrue();
        assertThat(SecurityLevel.SL1.meets(SecurityLevel.SL2)).isFalse();
        assertThat(SecurityLevel.SL4.level()).isEqualTo(4);
    }
}
