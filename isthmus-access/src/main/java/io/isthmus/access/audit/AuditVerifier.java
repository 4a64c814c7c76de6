package io.isthmus.access.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes a log's Merkle tree from its record file and checks it against every signed
 * checkpoint, and against a witness (the newest checkpoint someone verified before) for rollback.
 *
 * <p>What it detects: an edited record (the root at the next checkpoint changes: EDITED), a deleted
 * or moved line (the sequence numbers break: DELETED, REORDERED; and the root changes), records cut
 * off below a checkpoint (TRUNCATED), a forged or altered checkpoint (BAD_SIGNATURE), and, given a
 * witness, the whole log replaced by an older or rewritten copy with its own valid checkpoints
 * (ROLLBACK). Without a witness a copy cut back to an older checkpoint is indistinguishable from an
 * older log; that is why exports to the SIEM carry the checkpoints.
 */
public final class AuditVerifier {
    private final AuditLimits limits;

    public AuditVerifier(AuditLimits limits) {
        this.limits = limits;
    }

    /**
     * Verifies the log in {@code dir}.
     *
     * @param key the log's public key (from a copy kept off the host, ideally)
     * @param witness a checkpoint seen earlier, if any
     */
    public VerificationReport verify(Path dir, PublicKey key, Optional<Checkpoint> witness) throws IOException {
        AuditLineCodec codec = new AuditLineCodec(limits);
        MerkleTree tree = new MerkleTree();
        List<Finding> findings = new ArrayList<>();
        long[] expected = {0};
        long[] lineNo = {0};
        long torn = AuditFiles.readLines(dir.resolve(AuditFiles.RECORDS), limits.maxLineBytes(), line -> {
            lineNo[0]++;
            tree.append(line.getBytes(StandardCharsets.UTF_8));
            switch (codec.decode(line)) {
                case AuditLineCodec.LineResult.Invalid bad ->
                    findings.add(new Finding(Finding.Kind.MALFORMED, lineNo[0], bad.reason()));
                case AuditLineCodec.LineResult.Parsed p ->
                    sequence(p.record().sequence(), expected, lineNo[0], findings);
            }
        });
        if (torn > 0) {
            findings.add(new Finding(
                    Finding.Kind.TORN_TAIL,
                    lineNo[0] + 1,
                    torn + " bytes of an unfinished last line (a crash mid-write)"));
        }
        List<Checkpoint> checkpoints = checkpoints(dir, key, findings);
        Optional<Checkpoint> latest = checkAgainstTree(checkpoints, tree, findings);
        witness.ifPresent(w -> checkWitness(w, key, tree, latest, findings));
        long signed = latest.map(Checkpoint::size).orElse(0L);
        if (tree.size() > signed) {
            findings.add(new Finding(
                    Finding.Kind.UNSIGNED_TAIL,
                    signed + 1,
                    (tree.size() - signed) + " records after the last checkpoint are not signed yet"));
        }
        return new VerificationReport(tree.size(), checkpoints.size(), latest, findings);
    }

    private static void sequence(long seq, long[] expected, long line, List<Finding> findings) {
        if (seq > expected[0]) {
            findings.add(new Finding(
                    Finding.Kind.DELETED,
                    line,
                    "records " + expected[0] + (seq - 1 > expected[0] ? ".." + (seq - 1) : "")
                            + " are missing before record " + seq));
            expected[0] = seq + 1;
        } else if (seq < expected[0]) {
            findings.add(new Finding(
                    Finding.Kind.REORDERED, line, "record " + seq + " appears after record " + (expected[0] - 1)));
        } else {
            expected[0] = seq + 1;
        }
    }

    private List<Checkpoint> checkpoints(Path dir, PublicKey key, List<Finding> findings) throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        long[] lineNo = {0};
        AuditFiles.readLines(dir.resolve(AuditFiles.CHECKPOINTS), 512, line -> {
            lineNo[0]++;
            switch (Checkpoint.parse(line)) {
                case Checkpoint.ParsedCheckpoint.Invalid bad ->
                    findings.add(new Finding(Finding.Kind.MALFORMED, lineNo[0], "checkpoint: " + bad.reason()));
                case Checkpoint.ParsedCheckpoint.Parsed p -> {
                    Checkpoint c = p.checkpoint();
                    if (!c.verify(key)) {
                        findings.add(new Finding(
                                Finding.Kind.BAD_SIGNATURE,
                                lineNo[0],
                                "checkpoint of " + c.size() + " records at " + c.time()
                                        + " does not verify with the public key"));
                        return;
                    }
                    if (!out.isEmpty()) {
                        Checkpoint prev = out.getLast();
                        if (c.size() < prev.size() || c.time().isBefore(prev.time())) {
                            findings.add(new Finding(
                                    Finding.Kind.CHECKPOINT_ORDER,
                                    lineNo[0],
                                    "checkpoint of " + c.size() + " records at " + c.time() + " follows one of "
                                            + prev.size() + " at " + prev.time()));
                        }
                    }
                    out.add(c);
                }
            }
        });
        return out;
    }

    /** Each checkpoint's root against the recomputed tree; returns the newest one that matched. */
    private static Optional<Checkpoint> checkAgainstTree(
            List<Checkpoint> checkpoints, MerkleTree tree, List<Finding> findings) {
        Optional<Checkpoint> latest = Optional.empty();
        long lastGood = 0;
        boolean edited = false;
        for (Checkpoint c : checkpoints) {
            if (c.size() > tree.size()) {
                findings.add(new Finding(
                        Finding.Kind.TRUNCATED,
                        0,
                        "the log holds " + tree.size() + " records but a checkpoint signed at " + c.time() + " covers "
                                + c.size()));
                return latest;
            }
            if (!MessageDigest.isEqual(tree.rootAt(c.size()), c.root())) {
                if (!edited) {
                    findings.add(new Finding(
                            Finding.Kind.EDITED,
                            lastGood + 1,
                            "a record between lines " + (lastGood + 1) + " and " + c.size()
                                    + " differs from what the checkpoint signed at " + c.time() + " covers"));
                }
                edited = true;
                continue;
            }
            if (!edited) {
                latest = Optional.of(c);
                lastGood = c.size();
            }
        }
        return latest;
    }

    private static void checkWitness(
            Checkpoint w, PublicKey key, MerkleTree tree, Optional<Checkpoint> latest, List<Finding> findings) {
        if (!w.verify(key)) {
            findings.add(new Finding(Finding.Kind.BAD_SIGNATURE, 0, "the witness checkpoint does not verify"));
            return;
        }
        long newest = latest.map(Checkpoint::size).orElse(0L);
        if (w.size() > newest || w.size() > tree.size()) {
            findings.add(new Finding(
                    Finding.Kind.ROLLBACK,
                    0,
                    "rolled back: a witness saw " + w.size() + " records signed at " + w.time()
                            + ", the log's newest valid checkpoint covers " + newest));
        } else if (!MessageDigest.isEqual(tree.rootAt(w.size()), w.root())) {
            findings.add(new Finding(
                    Finding.Kind.ROLLBACK,
                    0,
                    "history rewritten: the first " + w.size() + " records differ from what a witness saw at "
                            + w.time()));
        }
    }
}
