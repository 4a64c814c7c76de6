package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge's token, read again from its file when it changes; a bad file keeps the token in use. */
class EdgeTokenTest {
    @TempDir
    Path dir;

    final AtomicLong clock = new AtomicLong();

    @Test
    void aRewrittenTokenFileIsSentFromTheNextSecondOn() throws Exception {
        Path f = Files.writeString(dir.resolve("edge.token"), "first-token-0123456789\n");
        EdgeToken t = new EdgeToken(
                Optional.of(new ForwardSettings.BearerToken("first-token-0123456789", Optional.of(f))), clock::get);
        assertThat(t.current()).contains("first-token-0123456789");
        Files.writeString(f, "second-token-0123456789\n");
        assertThat(t.current()).as("within the second").contains("first-token-0123456789");
        clock.addAndGet(1_000_000_000L);
        assertThat(t.current()).contains("second-token-0123456789");
        assertThat(t.fileErrors()).isZero();
    }

    @Test
    void anEmptyShortOrMissingFileKeepsThePreviousTokenAndIsCountedOncePerProblem() throws Exception {
        Path f = Files.writeString(dir.resolve("edge.token"), "first-token-0123456789\n");
        EdgeToken t = new EdgeToken(
                Optional.of(new ForwardSettings.BearerToken("first-token-0123456789", Optional.of(f))), clock::get);
        Files.writeString(f, "\n");
        for (int i = 0; i < 3; i++) {
            clock.addAndGet(1_000_000_000L);
            assertThat(t.current()).contains("first-token-0123456789");
        }
        assertThat(t.fileErrors()).isEqualTo(1);
        Files.writeString(f, "short");
        clock.addAndGet(1_000_000_000L);
        assertThat(t.current()).contains("first-token-0123456789");
        Files.delete(f);
        clock.addAndGet(1_000_000_000L);
        assertThat(t.current()).contains("first-token-0123456789");
        assertThat(t.fileErrors()).isEqualTo(3);
    }

    @Test
    void withoutATokenNothingIsSentAndAFixedTokenIsNeverReadAgain() {
        assertThat(new EdgeToken(Optional.empty(), clock::get).current()).isEmpty();
        EdgeToken fixed =
                new EdgeToken(Optional.of(new ForwardSettings.BearerToken("fixed-token-0123456789")), clock::get);
        clock.addAndGet(5_000_000_000L);
        assertThat(fixed.current()).contains("fixed-token-0123456789");
    }
}
