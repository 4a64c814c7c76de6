package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hub's tokens file: read again by content, bad edits keep the tokens in force, errors name file and line. */
class IngestTokensTest {
    static final String A = "edge-a-token-0123456789";
    static final String B = "edge-b-token-0123456789";
    static final String A2 = "edge-a-token-9876543210";

    @TempDir
    Path dir;

    final AtomicLong clock = new AtomicLong();

    IngestTokens tokens(Path file) {
        return new IngestTokens(
                new IngestSecurity(
                        Map.of("fixed", IngestSecurity.TokenHash.of(B)), Optional.of(file), Optional.empty()),
                clock::get);
    }

    static String line(String edge, String token) {
        return edge + " " + IngestSecurity.TokenHash.of(token) + "\n";
    }

    @Test
    void fileAndFixedTokensAreAcceptedAndAChangeIsReadAfterASecond() throws Exception {
        Path f = Files.writeString(dir.resolve("tokens"), "# comment\n\n" + line("edge-a", A) + "  # trailing\n");
        IngestTokens t = tokens(f);
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A))).contains("edge-a");
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(B))).contains("fixed");
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A2))).isEmpty();

        Files.writeString(f, line("edge-a", A) + line("edge-a", A2));
        clock.addAndGet(500_000_000L);
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A2)))
                .as("not looked at within the second")
                .isEmpty();
        clock.addAndGet(600_000_000L);
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A2))).contains("edge-a");
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A)))
                .as("both during the rotation")
                .contains("edge-a");

        Files.writeString(f, line("edge-a", A2));
        clock.addAndGet(1_100_000_000L);
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A)))
                .as("the old one withdrawn")
                .isEmpty();
        assertThat(t.fileErrors()).isZero();
    }

    @Test
    void aBadEditOrAMissingFileKeepsTheTokensInForceAndIsCountedOnce() throws Exception {
        Path f = Files.writeString(dir.resolve("tokens"), line("edge-a", A));
        IngestTokens t = tokens(f);
        Files.writeString(f, "edge-a sha256:beef\n");
        for (int i = 0; i < 3; i++) {
            clock.addAndGet(1_100_000_000L);
            assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A))).contains("edge-a");
        }
        assertThat(t.fileErrors()).isEqualTo(1);
        Files.delete(f);
        clock.addAndGet(1_100_000_000L);
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A))).contains("edge-a");
        assertThat(t.fileErrors()).isEqualTo(2);
        Files.writeString(f, line("edge-a", A2));
        clock.addAndGet(1_100_000_000L);
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A2))).contains("edge-a");
        assertThat(t.edgeOf(IngestSecurity.TokenHash.of(A))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "edge-a|3:|expected '<edge site id> sha256:<64 hex digits>', found 1 fields",
                "edge-a sha256:00 extra|3:|found 3 fields",
                "edge a sha256:00|3:|found 3 fields",
                "-edge sha256:0000000000000000000000000000000000000000000000000000000000000000|3:|is not an edge site id",
                "edge-a md5:00|3:|is not sha256:<64 hex digits>"
            })
    void badLinesNameFileAndLine(String bad, String line, String message) throws Exception {
        Path f = Files.writeString(dir.resolve("tokens"), "# ok\n" + line("edge-a", A) + bad + "\n");
        assertThatThrownBy(() -> tokens(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f + ":" + line)
                .hasMessageContaining(message);
    }

    @Test
    void anOversizedFileIsRefused() throws Exception {
        Path f = Files.write(dir.resolve("tokens"), new byte[(1 << 20) + 1]);
        assertThatThrownBy(() -> tokens(f)).hasMessageContaining("at most 1048576 are read");
    }
}
