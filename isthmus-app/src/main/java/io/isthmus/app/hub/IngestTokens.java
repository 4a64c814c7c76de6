package io.isthmus.app.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer tokens the hub accepts at {@code /api/ingest}: those written in hub.yaml plus those of
 * a tokens file that is read again whenever it changes (read at most once a second, on the
 * request path, and compared by content), so an operator rotates an edge's token without restarting the hub: add the new
 * token's line, give the edge its new token file (the edge reads it again too), remove the old line.
 *
 * <p>The file has one {@code <edge site id> sha256:<64 hex digits>} per line; {@code #} starts a
 * comment; an edge may have several lines. A file that cannot be read or has a bad line does not
 * replace the tokens in force: the previous table stays (an operator's typo must neither lock every
 * edge out nor let anyone in), the error is logged with file and line, and counted.
 */
final class IngestTokens {
    private static final Logger log = LoggerFactory.getLogger(IngestTokens.class);
    private static final Pattern EDGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    /** One accepted token: the edge it belongs to and its hash. */
    record Entry(String edge, IngestSecurity.TokenHash hash) {}

    private final List<Entry> fixed;
    private final Optional<Path> file;
    private final LongSupplier nanoTime;
    private final LongAdder fileErrors = new LongAdder();
    private volatile List<Entry> fromFile = List.of();
    private volatile String fileText = "";
    /** The last content (or read error) refused, so one bad edit is counted and logged once. */
    private volatile String refused;

    private volatile long nextCheck;

    /**
     * @throws IllegalArgumentException the tokens file cannot be read or has a bad line (at startup a
     *     bad file is a configuration error, not a silently empty table)
     */
    IngestTokens(IngestSecurity security, LongSupplier nanoTime) {
        List<Entry> f = new ArrayList<>();
        for (Map.Entry<String, IngestSecurity.TokenHash> e : security.tokens().entrySet()) {
            f.add(new Entry(e.getKey(), e.getValue()));
        }
        this.fixed = List.copyOf(f);
        this.file = security.tokensFile();
        this.nanoTime = nanoTime;
        file.ifPresent(p -> {
            String text = read(p);
            fromFile = parse(p, text);
            fileText = text;
        });
        this.nextCheck = nanoTime.getAsLong() + CHECK_EVERY_NANOS;
    }

    /** Reads of the tokens file that were refused (unreadable, bad line) since the hub started. */
    long fileErrors() {
        return fileErrors.sum();
    }

    /**
     * The edge a presented token belongs to. Every entry is compared, each in constant time, so the
     * time taken does not tell which edge (or whether any) matched.
     */
    Optional<String> edgeOf(IngestSecurity.TokenHash presented) {
        reloadIfChanged();
        String found = null;
        for (Entry e : fixed) {
            if (e.hash().matches(presented)) {
                found = e.edge();
            }
        }
        for (Entry e : fromFile) {
            if (e.hash().matches(presented)) {
                found = e.edge();
            }
        }
        return Optional.ofNullable(found);
    }

    private void reloadIfChanged() {
        if (file.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - nextCheck < 0) {
            return;
        }
        synchronized (this) {
            if (now - nextCheck < 0) {
                return;
            }
            nextCheck = now + CHECK_EVERY_NANOS;
            Path p = file.get();
            // the content, not the modification time, decides: a token replaced by one of the same
            // length within the file system's time resolution is still noticed
            String text;
            try {
                text = read(p);
            } catch (IllegalArgumentException e) {
                refuse(e.getMessage(), e.getMessage());
                return;
            }
            if (text.equals(fileText)) {
                refused = null;
                return;
            }
            try {
                List<Entry> parsed = parse(p, text);
                fromFile = parsed;
                fileText = text;
                refused = null;
                log.info("ingest tokens file {} read again: {} token(s)", p, parsed.size());
            } catch (IllegalArgumentException e) {
                refuse(text, e.getMessage());
            }
        }
    }

    private void refuse(String what, String message) {
        if (what.equals(refused)) {
            return;
        }
        refused = what;
        fileErrors.increment();
        log.warn("ingest tokens file not taken, the previous tokens stay in force: {}", message);
    }

    private static String read(Path p) {
        try {
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("ingest tokens-file '" + p + "' has " + size + " bytes; at most "
                        + MAX_FILE_BYTES + " are read");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("ingest tokens-file '" + p + "' cannot be read: " + e, e);
        }
    }

    /** Parses the file's text; the error names the file and the line. */
    static List<Entry> parse(Path p, String text) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("\\s+");
            String where = p + ":" + (i + 1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": expected '<edge site id> sha256:<64 hex digits>', found "
                        + parts.length + " fields");
            }
            if (!EDGE.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(where + ": '" + parts[0] + "' is not an edge site id");
            }
            try {
                out.add(new Entry(parts[0], IngestSecurity.TokenHash.parse(parts[1])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }
}
