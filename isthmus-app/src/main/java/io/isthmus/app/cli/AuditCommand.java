package io.isthmus.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.isthmus.access.audit.AuditCef;
import io.isthmus.access.audit.AuditKeys;
import io.isthmus.access.audit.AuditLimits;
import io.isthmus.access.audit.AuditReader;
import io.isthmus.access.audit.AuditRecord;
import io.isthmus.access.audit.Checkpoint;
import io.isthmus.access.audit.Finding;
import io.isthmus.access.audit.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code isthmus audit verify|export}: check and export the tamper-evident audit log (docs/access.md). */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify or export the tamper-evident audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Recompute the log's Merkle tree and check it against every signed checkpoint: finds edited,"
                        + " deleted, reordered and truncated records, forged checkpoints and, with --witness,"
                        + " a rollback to an older copy.",
                "Exit codes: 0 verified, 4 verification failed, 2 usage error."
            })
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The audit log directory.")
        Path dir;

        @Option(
                names = "--public-key",
                paramLabel = "FILE",
                description = "The log's public key (PEM); keep a copy off the host. Default: DIR/"
                        + AuditKeys.PUBLIC_FILE + ".")
        Path publicKey;

        @Option(
                names = "--witness",
                paramLabel = "FILE",
                description = "A checkpoint line seen before (from an earlier verify or the SIEM); the log must"
                        + " extend it. Written with --update-witness.")
        Path witness;

        @Option(
                names = "--update-witness",
                description = "After a successful check, store the newest checkpoint in --witness.")
        boolean updateWitness;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(dir.resolve("audit.log"))) {
                err.println("isthmus: no audit log in " + dir + " (expected " + dir.resolve("audit.log") + ")");
                return ExitCodes.USAGE;
            }
            Path keyFile = publicKey != null ? publicKey : dir.resolve(AuditKeys.PUBLIC_FILE);
            PublicKey key;
            try {
                key = AuditKeys.readPublic(keyFile);
            } catch (NoSuchFileException e) {
                err.println("isthmus: no public key at " + keyFile + "; give the log's key with --public-key");
                return ExitCodes.USAGE;
            }
            if (publicKey == null) {
                out.println("note: using the public key stored beside the log; pass a copy kept elsewhere with"
                        + " --public-key to rule out a replaced key");
            }
            Optional<Checkpoint> seen = Optional.empty();
            if (witness != null && Files.exists(witness)) {
                switch (Checkpoint.parse(Files.readString(witness).strip())) {
                    case Checkpoint.ParsedCheckpoint.Parsed p -> seen = Optional.of(p.checkpoint());
                    case Checkpoint.ParsedCheckpoint.Invalid bad -> {
                        err.println("isthmus: " + witness + " is not a checkpoint line: " + bad.reason());
                        return ExitCodes.USAGE;
                    }
                }
            }
            VerificationReport r =
                    new io.isthmus.access.audit.AuditVerifier(AuditLimits.DEFAULT).verify(dir, key, seen);
            out.println("audit log " + dir + ": " + r.records() + " records, " + r.checkpoints() + " checkpoints"
                    + r.latest()
                            .map(c -> ", newest valid checkpoint covers " + c.size() + " records, signed " + c.time())
                            .orElse(", no valid checkpoint"));
            for (Finding f : r.findings()) {
                out.println((f.kind().failure() ? "FAIL " : "WARN ") + f.kind()
                        + (f.line() > 0 ? " line " + f.line() : "") + ": " + f.detail());
            }
            if (!r.ok()) {
                out.println("verification FAILED");
                out.flush();
                return ExitCodes.VERIFICATION_FAILED;
            }
            if (updateWitness && witness != null && r.latest().isPresent()) {
                Files.writeString(witness, r.latest().get().line() + "\n");
                out.println("witness updated: " + witness);
            }
            out.println("verified");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write the records and checkpoints as CEF lines (for a SIEM) or JSON lines.")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The audit log directory.")
        Path dir;

        @Option(names = "--format", defaultValue = "cef", description = "cef or jsonl (default: ${DEFAULT-VALUE}).")
        String format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!format.equals("cef") && !format.equals("jsonl")) {
                err.println("isthmus: --format must be cef or jsonl, was '" + format + "'");
                return ExitCodes.USAGE;
            }
            if (!Files.isRegularFile(dir.resolve("audit.log"))) {
                err.println("isthmus: no audit log in " + dir);
                return ExitCodes.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            AuditReader.Counts counts;
            if (format.equals("cef")) {
                String version = VersionProvider.version();
                counts = AuditReader.read(
                        dir,
                        AuditLimits.DEFAULT,
                        r -> out.println(AuditCef.format(r, version)),
                        c -> out.println(AuditCef.format(c, version)));
                out.flush();
            } else {
                try (JsonGenerator json =
                        new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                    json.setRootValueSeparator(null);
                    counts = AuditReader.read(
                            dir, AuditLimits.DEFAULT, r -> jsonRecord(json, r), c -> jsonCheckpoint(json, c));
                    json.flush();
                }
            }
            if (counts.skippedLines() > 0) {
                err.println("isthmus: warning: " + counts.skippedLines()
                        + " lines are not audit records or checkpoints; run 'isthmus audit verify " + dir + "'");
            }
            err.flush();
            return ExitCodes.OK;
        }

        private static void jsonRecord(JsonGenerator json, AuditRecord r) {
            try {
                json.writeStartObject();
                json.writeStringField("type", "record");
                json.writeNumberField("sequence", r.sequence());
                json.writeStringField("time", r.event().time().toString());
                json.writeStringField("source", r.event().source());
                json.writeStringField("category", r.event().category().token());
                json.writeStringField("event_type", r.event().type());
                json.writeStringField("event_id", r.event().eventId());
                json.writeStringField("result", r.event().result().token());
                json.writeObjectFieldStart("details");
                for (Map.Entry<String, String> d : r.event().details().entrySet()) {
                    json.writeStringField(d.getKey(), d.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void jsonCheckpoint(JsonGenerator json, Checkpoint c) {
            try {
                json.writeStartObject();
                json.writeStringField("type", "checkpoint");
                json.writeNumberField("tree_size", c.size());
                json.writeStringField("root", c.rootHex());
                json.writeStringField("time", c.time().toString());
                json.writeStringField("signature", c.signature());
                json.writeStringField("line", c.line());
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
