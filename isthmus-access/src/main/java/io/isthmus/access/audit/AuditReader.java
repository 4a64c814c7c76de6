package io.isthmus.access.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a log's records and checkpoints for export, in file order. It does not judge: run {@link
 * AuditVerifier} for that; lines that are not records are skipped and counted.
 */
public final class AuditReader {
    private AuditReader() {}

    /** What was read. */
    public record Counts(long records, long checkpoints, long skippedLines) {}

    public static Counts read(
            Path dir, AuditLimits limits, Consumer<AuditRecord> records, Consumer<Checkpoint> checkpoints)
            throws IOException {
        AuditLineCodec codec = new AuditLineCodec(limits);
        long[] n = new long[3];
        AuditFiles.readLines(dir.resolve(AuditFiles.RECORDS), limits.maxLineBytes(), line -> {
            switch (codec.decode(line)) {
                case AuditLineCodec.LineResult.Parsed p -> {
                    n[0]++;
                    records.accept(p.record());
                }
                case AuditLineCodec.LineResult.Invalid bad -> n[2]++;
            }
        });
        AuditFiles.readLines(dir.resolve(AuditFiles.CHECKPOINTS), 512, line -> {
            switch (Checkpoint.parse(line)) {
                case Checkpoint.ParsedCheckpoint.Parsed p -> {
                    n[1]++;
                    checkpoints.accept(p.checkpoint());
                }
                case Checkpoint.ParsedCheckpoint.Invalid bad -> n[2]++;
            }
        });
        return new Counts(n[0], n[1], n[2]);
    }
}
