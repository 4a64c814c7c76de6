package io.isthmus.app.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An append-only JSON lines file with size-based rotation: {@code NAME.jsonl} is written;
 * when it would pass {@code maxBytes} it becomes {@code NAME.1.jsonl} (older files shift up, the
 * oldest beyond {@code keep} is deleted). Each line is flushed as it is written: the hub loses at
 * most the line being written when it dies, and {@link #read} skips such a torn line (counted).
 */
final class JsonLinesFile implements AutoCloseable {
    /** Lines longer than this are skipped when read; no line the hub writes comes near. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final Path dir;
    private final String name;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;

    JsonLinesFile(Path dir, String name, long maxBytes, int keep) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException(name + ": max bytes per file must be at least 1 KiB, was " + maxBytes);
        }
        if (keep < 1) {
            throw new IllegalArgumentException(name + ": files to keep must be at least 1, was " + keep);
        }
        this.dir = dir;
        this.name = name;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    Path current() {
        return dir.resolve(name + ".jsonl");
    }

    private Path rotated(int i) {
        return dir.resolve(name + "." + i + ".jsonl");
    }

    /**
     * Every line of the kept files, oldest first, to {@code line}; returns how many lines could
     * not be handled ({@code line} threw, or the line was too long).
     */
    int read(Consumer<String> line) {
        int bad = 0;
        List<Path> files = new ArrayList<>();
        for (int i = keep - 1; i >= 1; i--) {
            files.add(rotated(i));
        }
        files.add(current());
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (l.isBlank()) {
                        continue;
                    }
                    try {
                        if (l.length() > MAX_LINE_CHARS) {
                            throw new IllegalArgumentException("line too long");
                        }
                        line.accept(l);
                    } catch (RuntimeException e) {
                        bad++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return bad;
    }

    /** Appends one line (without its newline) and flushes it. */
    synchronized void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) {
                Files.createDirectories(dir);
                size = Files.exists(current()) ? Files.size(current()) : 0;
                out = open();
            }
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + current(), e);
        }
    }

    private OutputStream open() throws IOException {
        return Files.newOutputStream(current(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(rotated(keep - 1 < 1 ? 1 : keep - 1));
        for (int i = keep - 2; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep > 1) {
            Files.move(current(), rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(current());
        }
        out = open();
        size = 0;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + current(), e);
            }
            out = null;
        }
    }
}
