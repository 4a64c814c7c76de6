package io.isthmus.app.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token the forwarder sends, read again from its file when the file changes (looked at
 * at most once a second, before a request), so an operator rotates the token without restarting the
 * edge: the hub first accepts both tokens (its tokens file), the edge's file gets the new one, then
 * the hub drops the old one. A file that becomes unreadable, empty or not a token does not replace
 * the token in use: the edge keeps sending the last good one (the hub will say 401 if that is no
 * longer valid), logs the problem once and counts it.
 */
final class EdgeToken {
    private static final Logger log = LoggerFactory.getLogger(EdgeToken.class);
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
    private static final long MAX_BYTES = 4096;

    private final Optional<Path> file;
    private final LongSupplier nanoTime;
    private final LongAdder fileErrors = new LongAdder();
    private volatile String current;
    private String refused;
    private long nextCheck;

    /** No token when {@code token} is empty. */
    EdgeToken(Optional<ForwardSettings.BearerToken> token, LongSupplier nanoTime) {
        this.current = token.map(ForwardSettings.BearerToken::value).orElse(null);
        this.file = token.flatMap(ForwardSettings.BearerToken::file);
        this.nanoTime = nanoTime;
        this.nextCheck = nanoTime.getAsLong() + CHECK_EVERY_NANOS;
    }

    /** The token to send now; empty when the hub requires none. */
    synchronized Optional<String> current() {
        if (file.isPresent() && nanoTime.getAsLong() - nextCheck >= 0) {
            nextCheck = nanoTime.getAsLong() + CHECK_EVERY_NANOS;
            reread(file.get());
        }
        return Optional.ofNullable(current);
    }

    /** Changes of the token file that were not taken since the edge started. */
    long fileErrors() {
        return fileErrors.sum();
    }

    private void reread(Path p) {
        String text;
        try {
            if (Files.size(p) > MAX_BYTES) {
                String problem = "forward token-file '" + p + "' has more than " + MAX_BYTES + " bytes";
                refuse(problem, problem);
                return;
            }
            text = Files.readString(p, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            String problem = "forward token-file '" + p + "' cannot be read: " + e;
            refuse(problem, problem);
            return;
        }
        if (text.equals(current)) {
            refused = null;
            return;
        }
        try {
            current = ForwardSettings.BearerToken.check(text);
            refused = null;
            log.info("forward token-file {} read again: sending its new token", p);
        } catch (IllegalArgumentException e) {
            refuse("content:" + text, "forward token-file '" + p + "': " + e.getMessage());
        }
    }

    /** Counts and logs a refused file once per distinct content or read error ({@code key}). */
    private void refuse(String key, String problem) {
        if (key.equals(refused)) {
            return;
        }
        refused = key;
        fileErrors.increment();
        log.warn("{}; still sending the previous token", problem);
    }
}
