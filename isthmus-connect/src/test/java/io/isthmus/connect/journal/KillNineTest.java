package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.RecoveryReport.TornTail;
import io.isthmus.connect.journal.RecoveryReport.UncleanShutdown;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9}: a child JVM appends with an fsync per record and prints every id it was
 * given; the test sends SIGKILL in the middle of the writes, reopens the journal and checks that
 * every printed (acknowledged) record is there with its content. Three rounds in one directory,
 * so recovery also runs on top of an earlier recovery and ids are checked never to repeat.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillNineTest {
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\d+) \\.");
    private static final int ROUNDS = 3;
    private static final int ACKS_BEFORE_KILL = 150;

    @TempDir
    Path tmp;

    private Process child;

    @AfterEach
    void killLeftovers() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private Process startWriter(Path dir, long seedBase) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillNineWriter.class.getName(),
                        dir.toString(),
                        Long.toString(seedBase))
                .redirectError(tmp.resolve("writer-" + seedBase + ".err").toFile())
                .start();
    }

    /** Reads acknowledgements until {@code enough}, kills the writer, then reads what it printed before dying. */
    private Map<Long, Long> runAndKill(Path dir, long seedBase) throws Exception {
        child = startWriter(dir, seedBase);
        Map<Long, Long> acked = new HashMap<>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            boolean killed = false;
            while ((line = out.readLine()) != null) {
                Matcher m = ACK.matcher(line);
                if (m.matches()) {
                    acked.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                }
                if (!killed && acked.size() >= ACKS_BEFORE_KILL) {
                    // SIGKILL, like Process.destroyForcibly(), which would also close our end of
                    // the pipe: the handle's kill leaves it open, so the acks the writer printed
                    // before it died are read and checked too.
                    assertThat(child.toHandle().destroyForcibly()).isTrue();
                    killed = true;
                }
            }
            assertThat(killed)
                    .as(
                            "writer ended before %d acks: %s",
                            ACKS_BEFORE_KILL, Files.readString(tmp.resolve("writer-" + seedBase + ".err")))
                    .isTrue();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return acked;
    }

    @Test
    void every_acknowledged_record_survives_kill_9_and_ids_never_repeat() throws Exception {
        Path dir = tmp.resolve("journal");
        long highestBefore = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Map<Long, Long> acked = runAndKill(dir, round * 10_000_000L);
            List<Path> segmentsBeforeOpen = Journals.segmentFiles(dir);

            try (Journal journal = Journal.open(KillNineWriter.config(dir))) {
                var report = journal.recoveryReport();
                Map<Long, JournalRecord> found = Journals.readAll(journal, 1).stream()
                        .collect(Collectors.toMap(JournalRecord::sequence, r -> r, (a, b) -> a, TreeMap::new));

                assertThat(report.cleanShutdown()).isFalse();
                assertThat(report.dataMayBeLost())
                        .as("findings %s", report.findings())
                        .isFalse();
                assertThat(report.findings())
                        .allMatch(f -> f instanceof TornTail || f instanceof UncleanShutdown)
                        .hasAtLeastOneElementOfType(UncleanShutdown.class);
                for (TornTail torn : report.findings(TornTail.class)) {
                    assertThat(torn.segment()).isEqualTo(segmentsBeforeOpen.getLast());
                    if (Files.exists(torn.segment())) {
                        assertThat(Files.size(torn.segment())).isEqualTo(torn.offset());
                    }
                }
                long lowestThisRound =
                        acked.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
                assertThat(lowestThisRound).as("ids never reused").isGreaterThan(highestBefore);
                for (var ack : acked.entrySet()) {
                    JournalRecord record = found.get(ack.getKey());
                    assertThat(record)
                            .as("acknowledged record %d", ack.getKey())
                            .isNotNull();
                    assertThat(record.payload())
                            .as("content of record %d", ack.getKey())
                            .isEqualTo(Samples.encoded(ack.getValue(), KillNineWriter.SAMPLES_PER_BATCH));
                }
                highestBefore = journal.lastSequence();
                assertThat(report.nextSequence()).isGreaterThan(highestBefore);
            }
        }
    }
}
