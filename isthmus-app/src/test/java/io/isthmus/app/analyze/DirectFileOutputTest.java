package io.isthmus.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file written past the page cache holds exactly the bytes given, whatever their length. */
class DirectFileOutputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            ints = {
                0,
                1,
                4095,
                4096,
                4097,
                DirectFileOutput.CHUNK - 1,
                DirectFileOutput.CHUNK,
                DirectFileOutput.CHUNK + 1,
                3 * DirectFileOutput.CHUNK + 12_345
            })
    void theFileHoldsEveryByteWrittenInPiecesOfAnySize(int length) throws IOException {
        byte[] data = random(length, length);
        Path file = dir.resolve("o.jsonl");
        Random cuts = new Random(length);
        try (OutputStream out = DirectFileOutput.open(file)) {
            int off = 0;
            while (off < length) {
                int n = Math.min(length - off, 1 + cuts.nextInt(300_000));
                if (n == 1) {
                    out.write(data[off]);
                } else {
                    out.write(data, off, n);
                }
                off += n;
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
    }

    @Test
    void aLongerFileIsTruncatedToWhatIsWritten() throws IOException {
        Path file = dir.resolve("o.jsonl");
        Files.write(file, random(3 * DirectFileOutput.CHUNK, 1));
        byte[] data = random(5_000, 2);
        try (OutputStream out = DirectFileOutput.open(file)) {
            out.write(data);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
    }

    @Test
    void aClosedStreamRefusesWritesAndClosingTwiceIsHarmless() throws IOException {
        // Either way the bytes are right (above); here: no half-open state, and a closed stream
        // refuses further writes rather than losing them.
        Path file = dir.resolve("o.jsonl");
        DirectFileOutput direct = DirectFileOutput.tryDirect(file);
        if (direct == null) {
            assertThat(DirectFileOutput.open(file)).isNotInstanceOf(DirectFileOutput.class);
            return;
        }
        direct.write(new byte[] {'{', '}', '\n'});
        direct.close();
        direct.close();
        assertThat(Files.readString(file)).isEqualTo("{}\n");
        assertThatThrownBy(() -> direct.write('x')).isInstanceOf(IOException.class);
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
