package io.isthmus.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log on disk and its verifier: an untouched log verifies; every kind of tampering the issue
 * names (edited, deleted, reordered, truncated records, a forged checkpoint, a rollback to an older
 * copy) is found and named; a crash's torn line is repaired; capacity warns, then refuses.
 */
class AuditLogTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
    private final List<AuditWarning> warnings = new ArrayList<>();
    /** Signed by the appending thread, so the checkpoints fall on exact record counts. */
    private final AuditConfig config =
            AuditConfig.DEFAULT.withCheckpointEvery(10).withSigning(AuditConfig.Signing.INLINE);

    private static AuditEvent event(int i) {
        return AuditEvent.of(
                Instant.parse("2026-11-26T03:00:00Z").plusSeconds(i),
                i % 2 == 0 ? "alice@10.1.0.5" : "mes-service",
                i % 3 == 0 ? AuditCategory.ACCESS_CONTROL : AuditCategory.CONTROL_SYSTEM,
                i % 3 == 0 ? "read" : "write.requested",
                "req-" + i,
                i % 5 == 0 ? AuditResult.DENIED : AuditResult.SUCCESS,
                Map.of("tag", "acme/springfield/packaging/line1/filler/plc/setpoint", "value", Integer.toString(i)));
    }

    private void writeLog(int records) throws IOException {
        try (AuditLog log = AuditLog.open(dir, config, clock, warnings::add)) {
            for (int i = 0; i < records; i++) {
                assertThat(log.append(event(i), i % 7 == 0)).isEqualTo(i);
            }
        }
    }

    private VerificationReport verify(Optional<Checkpoint> witness) throws IOException {
        PublicKey key = AuditKeys.readPublic(dir.resolve(AuditKeys.PUBLIC_FILE));
        return new AuditVerifier(AuditLimits.DEFAULT).verify(dir, key, witness);
    }

    private List<String> records() throws IOException {
        return new ArrayList<>(Files.readAllLines(dir.resolve("audit.log")));
    }

    private void rewrite(List<String> lines) throws IOException {
        Files.write(dir.resolve("audit.log"), lines);
    }

    private List<Finding.Kind> failures(VerificationReport r) {
        return r.findings().stream()
                .map(Finding::kind)
                .filter(Finding.Kind::failure)
                .distinct()
                .toList();
    }

    @Test
    void anUntouchedLogVerifiesAndEveryRecordIsCoveredBySignedCheckpoints() throws IOException {
        writeLog(25);
        VerificationReport r = verify(Optional.empty());
        assertThat(r.ok()).isTrue();
        assertThat(r.findings()).isEmpty();
        assertThat(r.records()).isEqualTo(25);
        assertThat(r.checkpoints()).as("every 10 records, and on close").isEqualTo(3);
        assertThat(r.latest()).map(Checkpoint::size).contains(25L);
    }

    @Test
    void reopeningContinuesTheSequenceAndTheTree() throws IOException {
        writeLog(12);
        try (AuditLog log = AuditLog.open(dir, config, clock, warnings::add)) {
            assertThat(log.size()).isEqualTo(12);
            assertThat(log.append(event(12), true)).isEqualTo(12);
            InclusionProof proof = log.prove(3);
            assertThat(proof.verify()).isTrue();
        }
        assertThat(verify(Optional.empty()).ok()).isTrue();
    }

    @Test
    void anEditedRecordIsFoundEvenWhenItsLineStaysWellFormed() throws IOException {
        writeLog(25);
        List<String> lines = records();
        lines.set(13, lines.get(13).replace("value=13", "value=99"));
        rewrite(lines);

        VerificationReport r = verify(Optional.empty());
        assertThat(r.ok()).isFalse();
        assertThat(failures(r)).containsExactly(Finding.Kind.EDITED);
        assertThat(r.findings().getFirst().detail()).contains("lines 11 and 20");
    }

    @Test
    void aDeletedRecordIsFound() throws IOException {
        writeLog(25);
        List<String> lines = records();
        lines.remove(5);
        rewrite(lines);

        VerificationReport r = verify(Optional.empty());
        assertThat(failures(r)).contains(Finding.Kind.DELETED, Finding.Kind.EDITED);
        assertThat(r.findings().getFirst().detail()).contains("records 5 are missing");
    }

    @Test
    void reorderedRecordsAreFound() throws IOException {
        writeLog(25);
        List<String> lines = records();
        Collections.swap(lines, 3, 4);
        rewrite(lines);

        assertThat(failures(verify(Optional.empty()))).contains(Finding.Kind.REORDERED, Finding.Kind.EDITED);
    }

    @Test
    void recordsCutBelowASignedCheckpointAreFoundAsTruncation() throws IOException {
        writeLog(25);
        rewrite(records().subList(0, 22));

        assertThat(failures(verify(Optional.empty()))).containsExactly(Finding.Kind.TRUNCATED);
    }

    @Test
    void aForgedOrAlteredCheckpointDoesNotVerify() throws IOException {
        writeLog(25);
        Path cps = dir.resolve("checkpoints.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(cps));
        lines.set(1, lines.get(1).replaceFirst("^20\t", "19\t"));
        Files.write(cps, lines);

        assertThat(failures(verify(Optional.empty()))).containsExactly(Finding.Kind.BAD_SIGNATURE);
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRejected() throws Exception {
        writeLog(5);
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        MerkleTree t = new MerkleTree();
        for (String l : records()) {
            t.append(l.getBytes(StandardCharsets.UTF_8));
        }
        Checkpoint forged = Checkpoint.sign(5, t.root(), clock.instant(), other.getPrivate());
        Files.writeString(dir.resolve("checkpoints.log"), forged.line() + "\n", StandardOpenOption.APPEND);

        assertThat(failures(verify(Optional.empty()))).containsExactly(Finding.Kind.BAD_SIGNATURE);
    }

    @Test
    void aRollbackToAnOlderCopyIsFoundGivenAWitness() throws IOException {
        writeLog(10);
        Path old = Files.createTempDirectory("audit-old");
        for (String f : List.of("audit.log", "checkpoints.log")) {
            Files.copy(dir.resolve(f), old.resolve(f));
        }
        try (AuditLog log = AuditLog.open(dir, config, clock, warnings::add)) {
            for (int i = 10; i < 15; i++) {
                log.append(event(i), false);
            }
        }
        Checkpoint witness = verify(Optional.empty()).latest().orElseThrow();
        assertThat(witness.size()).isEqualTo(15);
        assertThat(verify(Optional.of(witness)).ok()).isTrue();

        // The attacker puts back the older, self-consistent copy (valid checkpoints of 10 records).
        for (String f : List.of("audit.log", "checkpoints.log")) {
            Files.copy(old.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(verify(Optional.empty()).ok())
                .as("without a witness an older copy looks fine")
                .isTrue();
        VerificationReport r = verify(Optional.of(witness));
        assertThat(failures(r)).containsExactly(Finding.Kind.ROLLBACK);
    }

    @Test
    void aTornLastLineFromACrashIsReportedAndCutOffOnOpen() throws IOException {
        writeLog(5);
        Files.writeString(dir.resolve("audit.log"), "v1\t5\t2026-11-26T0", StandardOpenOption.APPEND);

        VerificationReport r = verify(Optional.empty());
        assertThat(r.ok()).isTrue();
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.TORN_TAIL);
        try (AuditLog log = AuditLog.open(dir, config, clock, warnings::add)) {
            assertThat(log.append(event(5), true)).isEqualTo(5);
        }
        assertThat(verify(Optional.empty()).findings()).isEmpty();
    }

    @Test
    void theLogRefusesToContinueFromATamperedFile() throws IOException {
        writeLog(12);
        List<String> lines = records();
        lines.set(2, lines.get(2).replace("success", "denied"));
        rewrite(lines);

        assertThatThrownBy(() -> AuditLog.open(dir, config, clock, warnings::add))
                .isInstanceOf(AuditTamperedException.class)
                .hasMessageContaining("EDITED");
    }

    @Test
    void capacityWarnsOnceInTheLogAndToTheListenerThenRefuses() throws IOException {
        AuditConfig small = config.withMaxBytes(64 * 1024);
        try (AuditLog log = AuditLog.open(dir, small, clock, warnings::add)) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            log.append(event(i), false);
                        }
                    })
                    .isInstanceOf(AuditLogFullException.class)
                    .hasMessageContaining("full");
            assertThat(log.bytes()).isLessThanOrEqualTo(64 * 1024);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst().message()).contains("% full");
        assertThat(records())
                .filteredOn(l -> l.contains("\tcapacity.warning\t"))
                .hasSize(1);
        assertThat(verify(Optional.empty()).ok()).isTrue();
    }

    @Test
    void aConsistencyProofShowsTheLogExtendsAnEarlierCheckpoint() throws IOException {
        writeLog(10);
        try (AuditLog log = AuditLog.open(dir, config, clock, warnings::add)) {
            Checkpoint older = log.latestCheckpoint().orElseThrow();
            for (int i = 10; i < 33; i++) {
                log.append(event(i), false);
            }
            Checkpoint newer = log.checkpoint().orElseThrow();
            assertThat(MerkleProofs.verifyConsistency(
                            older.size(), newer.size(), older.root(), newer.root(), log.consistencyWith(older)))
                    .isTrue();
        }
    }

    @Test
    void signedInTheBackgroundConcurrentAppendsAreAllCoveredByOrderedCheckpoints() throws Exception {
        AuditConfig background = AuditConfig.DEFAULT.withCheckpointEvery(10);
        assertThat(background.signing()).isEqualTo(AuditConfig.Signing.BACKGROUND);
        try (AuditLog log = AuditLog.open(dir, background, Clock.systemUTC(), warnings::add)) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 250;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int i = from; i < from + 250; i++) {
                        try {
                            log.append(event(i), i % 50 == 0);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Thread w : writers) {
                w.join();
            }
            assertThat(log.size()).isEqualTo(1000);
        }
        VerificationReport r = verify(Optional.empty());
        assertThat(r.findings()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.records()).isEqualTo(1000);
        assertThat(r.latest()).map(Checkpoint::size).contains(1000L);
        assertThat(r.checkpoints())
                .as("signed while the appends went on, and on close")
                .isGreaterThan(1);
    }

    @Test
    void theBackgroundSignerSignsAnUnsignedTailOnceTheIntervalHasPassedWithoutFurtherAppends() throws Exception {
        AuditConfig quick = new AuditConfig(
                1L << 20,
                0.8,
                1000,
                java.time.Duration.ofMillis(50),
                AuditLimits.DEFAULT,
                AuditConfig.Signing.BACKGROUND);
        try (AuditLog log = AuditLog.open(dir, quick, Clock.systemUTC(), warnings::add)) {
            for (int i = 0; i < 3; i++) {
                log.append(event(i), false);
            }
            long deadline = System.nanoTime() + 30_000_000_000L; // a bound for a stalled machine, not a measurement
            while (log.latestCheckpoint().map(Checkpoint::size).orElse(0L) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(log.latestCheckpoint())
                    .as("signed by the log's own thread: no append came after the third")
                    .map(Checkpoint::size)
                    .contains(3L);
        }
        assertThat(verify(Optional.empty()).ok()).isTrue();
    }
}
