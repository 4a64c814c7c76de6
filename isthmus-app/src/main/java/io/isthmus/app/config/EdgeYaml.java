package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.app.edge.EdgeSettings;
import io.isthmus.app.edge.ForwardSettings;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.journal.ForwardingBudget;
import io.isthmus.connect.journal.FsyncPolicy;
import io.isthmus.connect.journal.FullPolicy;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code edge:} section as written; every value is parsed and checked as it is bound (so errors
 * point at the section's line), and {@link #settings(Path)} resolves the journal directory against
 * the configuration file's directory.
 */
final class EdgeYaml {
    private static final Set<String> JOURNAL =
            Set.of("dir", "max-size", "segment-size", "fsync", "when-full", "max-record-size");
    private static final Set<String> FORWARD = Set.of(
            "hub",
            "batch-records",
            "min-backlog-records",
            "timeout",
            "retry",
            "token-file",
            "trust-file",
            "client-keystore",
            "client-password-file");
    private static final Set<String> STATUS = Set.of("listen");

    private final String siteId;
    private final String journalDir;
    private final Consumer<JournalConfig.Builder> journal;
    private final Optional<ForwardSettings> forward;
    private final Optional<HostPort> status;
    private final Optional<SenderConfig> transfer;

    @JsonCreator
    EdgeYaml(
            @JacksonInject(TagConfigYaml.BASE_DIR) Path baseDir,
            @JsonProperty(value = "site-id", required = true) String siteId,
            @JsonProperty(value = "journal", required = true) Map<String, Object> journal,
            @JsonProperty("forward") Map<String, Object> forward,
            @JsonProperty("transfer") Map<String, Object> transfer,
            @JsonProperty("status") Map<String, Object> status) {
        this.siteId = siteId;
        SourceYaml.known("journal", journal, JOURNAL);
        Object dir = journal.get("dir");
        if (dir == null || String.valueOf(dir).isBlank()) {
            throw new IllegalArgumentException("journal: 'dir' is required (where the journal keeps its files)");
        }
        this.journalDir = String.valueOf(dir);
        this.journal = journal(journal);
        JournalConfig.create(Path.of(journalDir), this.journal); // checks the values now, where the line is known
        this.forward = forward == null ? Optional.empty() : Optional.of(forward(forward, baseDir));
        this.transfer = transfer == null ? Optional.empty() : Optional.of(TransferYaml.sender(transfer));
        if (status == null) {
            this.status = Optional.empty();
        } else {
            SourceYaml.known("status", status, STATUS);
            Object listen = status.get("listen");
            if (listen == null) {
                throw new IllegalArgumentException("status: 'listen' is required, e.g. 127.0.0.1:9100");
            }
            this.status = Optional.of(HostPort.parse(String.valueOf(listen)));
        }
        new EdgeSettings(
                siteId,
                JournalConfig.create(Path.of(journalDir), this.journal),
                this.forward,
                this.transfer,
                this.status);
    }

    EdgeSettings settings(Path baseDir) {
        Path dir = baseDir.resolve(journalDir).normalize();
        return new EdgeSettings(siteId, JournalConfig.create(dir, journal), forward, transfer, status);
    }

    private static Consumer<JournalConfig.Builder> journal(Map<String, Object> m) {
        long maxSize = m.containsKey("max-size") ? ByteSizeText.parse(String.valueOf(m.get("max-size"))) : 1L << 30;
        long segment = m.containsKey("segment-size")
                ? ByteSizeText.parse(String.valueOf(m.get("segment-size")))
                : Math.max(JournalConfig.MIN_SEGMENT_BYTES, Math.min(64L << 20, maxSize / 8));
        int maxRecord = m.containsKey("max-record-size")
                ? (int) Math.min(Integer.MAX_VALUE, ByteSizeText.parse(String.valueOf(m.get("max-record-size"))))
                : (int) Math.min(1 << 20, segment - 128);
        FsyncPolicy fsync = fsync(m.get("fsync"));
        FullPolicy full = whenFull(m.get("when-full"));
        return b -> b.maxTotalBytes(maxSize)
                .maxSegmentBytes(segment)
                .maxRecordBytes(maxRecord)
                .fsync(fsync)
                .whenFull(full);
    }

    private static FsyncPolicy fsync(Object v) {
        if (v == null || "every-record".equals(v)) {
            return FsyncPolicy.everyRecord();
        }
        if ("never".equals(v)) {
            return FsyncPolicy.never();
        }
        if (v instanceof Map<?, ?> raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) raw;
            SourceYaml.known("fsync", m, Set.of("every-records", "max-delay", "interval"));
            if (m.containsKey("interval") && m.size() == 1) {
                return FsyncPolicy.interval(DurationText.parse(String.valueOf(m.get("interval"))));
            }
            if (m.containsKey("every-records") && m.containsKey("max-delay") && m.size() == 2) {
                return FsyncPolicy.everyNRecords(
                        (int) SourceYaml.number(m, "every-records", 1),
                        DurationText.parse(String.valueOf(m.get("max-delay"))));
            }
        }
        throw new IllegalArgumentException("journal fsync is '" + v + "'; expected every-record, never,"
                + " { every-records: N, max-delay: 50ms } or { interval: 200ms }");
    }

    private static FullPolicy whenFull(Object v) {
        if (v == null || "drop-oldest".equals(v)) {
            return FullPolicy.DROP_OLDEST;
        }
        if ("reject-new".equals(v)) {
            return FullPolicy.REJECT_NEW;
        }
        throw new IllegalArgumentException("journal when-full is '" + v + "'; expected drop-oldest or reject-new");
    }

    @SuppressWarnings("unchecked")
    private static ForwardSettings forward(Map<String, Object> m, Path baseDir) {
        SourceYaml.known("forward", m, FORWARD);
        Object hub = m.get("hub");
        if (hub == null) {
            throw new IllegalArgumentException("forward: 'hub' is required, e.g. http://10.30.0.5:8080/");
        }
        URI uri;
        try {
            uri = new URI(String.valueOf(hub));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("forward hub '" + hub + "' is not a URL: " + e.getReason());
        }
        var d = ForwardSettings.DEFAULT_BUDGET;
        int batch = (int) SourceYaml.number(m, "batch-records", d.maxRecords());
        int backlog = (int) SourceYaml.number(
                m,
                "min-backlog-records",
                m.containsKey("batch-records") ? Math.max(1, batch / 5) : d.minBacklogRecords());
        return new ForwardSettings(
                uri,
                new ForwardingBudget(batch, backlog),
                m.containsKey("timeout")
                        ? DurationText.parse(String.valueOf(m.get("timeout")))
                        : ForwardSettings.DEFAULT_TIMEOUT,
                m.containsKey("retry")
                        ? SourceYaml.backoff((Map<String, Object>) m.get("retry"))
                        : ForwardSettings.DEFAULT_RETRY,
                Optional.ofNullable(m.get("token-file")).map(f -> {
                    Path file = baseDir.resolve(String.valueOf(f)).normalize();
                    return new ForwardSettings.BearerToken(
                            SecretFile.read("forward token-file", file), Optional.of(file));
                }),
                Optional.ofNullable(m.get("trust-file"))
                        .map(f -> trustFile(baseDir.resolve(String.valueOf(f)).normalize())),
                clientKey(m, baseDir));
    }

    /** {@code client-keystore} and {@code client-password-file}, both or neither. */
    private static Optional<io.isthmus.app.edge.HubTrust.ClientKey> clientKey(Map<String, Object> m, Path baseDir) {
        Object ks = m.get("client-keystore");
        Object pw = m.get("client-password-file");
        if (ks == null && pw == null) {
            return Optional.empty();
        }
        if (ks == null || pw == null) {
            throw new IllegalArgumentException(
                    "forward client-keystore (a PKCS#12 file) and client-password-file (its password) go together");
        }
        Path keyStore = baseDir.resolve(String.valueOf(ks)).normalize();
        if (!java.nio.file.Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("forward client-keystore '" + keyStore + "' cannot be read");
        }
        var key = new io.isthmus.app.edge.HubTrust.ClientKey(
                keyStore, SecretFile.read("forward client-password-file", baseDir.resolve(String.valueOf(pw))));
        // a wrong password or a file that is no key store is a configuration error, reported here
        io.isthmus.app.edge.HubTrust.sslContext(Optional.empty(), Optional.of(key));
        return Optional.of(key);
    }

    private static Path trustFile(Path file) {
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException("forward trust-file '" + file + "' cannot be read");
        }
        io.isthmus.app.edge.HubTrust.sslContext(file); // a bad file is a configuration error, reported here
        return file;
    }
}
