package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.access.audit.AuditCategory;
import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.audit.AuditResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isthmus audit verify} passes on an untouched log and fails on a tampered copy. */
class AuditCommandTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path log(int records) throws IOException {
        Path dir = tmp.resolve("audit");
        try (AuditLog log = AuditLog.open(dir, AuditConfig.DEFAULT, Clock.systemUTC(), w -> {})) {
            for (int i = 0; i < records; i++) {
                log.append(
                        AuditEvent.of(
                                Instant.parse("2026-11-26T03:00:00Z").plusSeconds(i),
                                "operator@127.0.0.1",
                                AuditCategory.CONTROL_SYSTEM,
                                "write.approved",
                                "req-" + i,
                                AuditResult.SUCCESS,
                                Map.of("value", Integer.toString(i))),
                        false);
            }
        }
        return dir;
    }

    @Test
    void anUntouchedLogVerifiesWithExitZero() throws IOException {
        Path dir = log(20);
        CliRun r = run("audit", "verify", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("20 records").contains("verified");
    }

    @Test
    void aTamperedCopyFailsWithExitFourAndNamesTheDamage() throws IOException {
        Path dir = log(20);
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("audit.log")));
        lines.set(7, lines.get(7).replace("value=7", "value=700"));
        Files.write(copy.resolve("audit.log"), lines);

        CliRun r = run(
                "audit",
                "verify",
                copy.toString(),
                "--public-key",
                dir.resolve("audit-signing.pub").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(r.out()).contains("FAIL EDITED").contains("verification FAILED");
        assertThat(run("audit", "verify", dir.toString()).code())
                .as("the original still verifies")
                .isZero();
    }

    @Test
    void aWitnessCatchesARollbackOnTheNextVerification() throws IOException {
        Path dir = log(5);
        Path old = Files.createDirectories(tmp.resolve("old"));
        for (String f : List.of("audit.log", "checkpoints.log")) {
            Files.copy(dir.resolve(f), old.resolve(f));
        }
        try (AuditLog log = AuditLog.open(dir, AuditConfig.DEFAULT, Clock.systemUTC(), w -> {})) {
            log.append(
                    AuditEvent.of(
                            Instant.now(),
                            "approver@127.0.0.1",
                            AuditCategory.ACCESS_CONTROL,
                            "approve",
                            "req-9",
                            AuditResult.SUCCESS,
                            Map.of()),
                    true);
        }
        Path witness = tmp.resolve("witness.txt");
        assertThat(run("audit", "verify", dir.toString(), "--witness", witness.toString(), "--update-witness")
                        .code())
                .isZero();
        assertThat(Files.readString(witness)).startsWith("6\t");
        for (String f : List.of("audit.log", "checkpoints.log")) {
            Files.copy(old.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }

        CliRun r = run("audit", "verify", dir.toString(), "--witness", witness.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(r.out()).contains("FAIL ROLLBACK");
    }

    @Test
    void exportWritesCefAndJsonLinesForEveryRecordAndCheckpoint() throws IOException {
        Path dir = log(3);
        CliRun cef = run("audit", "export", dir.toString());
        assertThat(cef.code()).isZero();
        assertThat(cef.out().lines()).hasSize(4).allMatch(l -> l.startsWith("CEF:0|Isthmus|Isthmus|"));
        CliRun json = run("audit", "export", dir.toString(), "--format", "jsonl");
        assertThat(json.out().lines())
                .hasSize(4)
                .first()
                .asString()
                .contains("\"sequence\":0")
                .contains("\"result\":\"success\"");
    }

    @Test
    void usageErrorsAreClear() {
        CliRun missing = run("audit", "verify", tmp.resolve("nothing").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no audit log");
        CliRun badFormat = run("audit", "export", tmp.toString(), "--format", "xml");
        assertThat(badFormat.code()).isEqualTo(ExitCodes.USAGE);
    }
}
