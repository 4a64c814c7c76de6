package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.OTHER_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Sample;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.JournalId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} of a process in the middle of appends: every append that returned (was
 * acknowledged) is there after reopening, with its journal mark, and nothing of a half-done one.
 */
@ParameterizedClass
@EnumSource(Layout.class)
class CrashTest {
    @Parameter
    Layout layout;

    static final JournalId JOURNAL = JournalId.of("edge-crash");
    static final int PER_APPEND = 2_000;

    @TempDir
    Path dir;

    /** The child process ({@code dir layout}): appends journal batch 0, 1, 2, ... and prints each sequence once it returned. */
    public static void main(String[] args) {
        try (Historian h = Layout.valueOf(args[1]).open(HistorianConfig.create(Path.of(args[0])))) {
            for (long seq = 0; ; seq++) {
                h.append(JOURNAL, seq, batch(seq));
                System.out.println("acked " + seq);
                System.out.flush();
            }
        }
    }

    /** Batch {@code seq}: two tags, one sample per second each, after the previous batch. */
    static List<Sample> batch(long seq) {
        List<Sample> out = new ArrayList<>(PER_APPEND);
        for (int i = 0; i < PER_APPEND / 2; i++) {
            long second = seq * (PER_APPEND / 2) + i;
            out.add(Fixtures.real(CURRENT, second, seq + i / 1000.0));
            out.add(Fixtures.real(OTHER_LINE, second, -seq));
        }
        return out;
    }

    @Test
    void everyAcknowledgedAppendSurvivesKillDashNine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashTest.class.getName(),
                        dir.toString(),
                        layout.name())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acked = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acked = Long.parseLong(line.substring("acked ".length()));
                if (acked == 30) {
                    child.destroyForcibly(); // SIGKILL on Linux, while it appends batch 31
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked)
                .as("the child acknowledged appends before it was killed")
                .isEqualTo(30);
        try (Historian h = Fixtures.open(layout, dir)) {
            long stored = h.journalPosition(JOURNAL).orElseThrow();
            assertThat(stored).isGreaterThanOrEqualTo(acked);
            long seconds = (stored + 1) * (PER_APPEND / 2);
            List<Sample> current = h.range(CURRENT, Fixtures.at(0), Fixtures.at(seconds + 10_000), 1_000_000)
                    .samples();
            List<Sample> want = new ArrayList<>();
            for (long seq = 0; seq <= stored; seq++) {
                batch(seq).stream().filter(s -> s.path().equals(CURRENT)).forEach(want::add);
            }
            // exactly the stored batches: no acknowledged one missing, no torn one half there
            assertThat(current).containsExactlyElementsOf(want);
            assertThat(h.range(OTHER_LINE, Fixtures.at(0), Fixtures.at(seconds + 10_000), 1_000_000)
                            .samples())
                    .hasSize(want.size());
            // a redelivery of the stored batches is skipped, the next one lands
            assertThat(h.append(JOURNAL, stored, batch(stored)).recordsSkipped())
                    .isEqualTo(1);
            assertThat(h.append(JOURNAL, stored + 1, batch(stored + 1)).samplesStored())
                    .isEqualTo(PER_APPEND);
        }
    }
}
