package io.isthmus.access.audit;

import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found.
 *
 * @param records complete record lines read
 * @param checkpoints checkpoints read
 * @param latest the newest checkpoint that verified, if any
 * @param findings failures and warnings, in file order
 */
public record VerificationReport(long records, int checkpoints, Optional<Checkpoint> latest, List<Finding> findings) {
    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** No failure (warnings allowed). */
    public boolean ok() {
        return findings.stream().noneMatch(f -> f.kind().failure());
    }
}
