package io.isthmus.connect.transfer.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replay requests handed to a running sender through a local directory: the operator's command
 * cannot open the journal while the edge's sender holds it, and there is no network channel to ask
 * (the diode has no back channel, and the sender never listens). The command drops {@code
 * <time>-<from>-<to>.request}; the sender picks requests up between batches, re-sends the range and
 * renames the file to {@code .done} (or {@code .rejected}, with the reason inside).
 */
public final class ReplayRequests {
    private static final Pattern NAME = Pattern.compile("(\\d+)-(\\d+)-(\\d+)\\.request");
    private static final int MAX_PER_POLL = 16;

    private final Path dir;

    public ReplayRequests(Path dir) {
        this.dir = dir;
    }

    /** The request directory beside a journal directory: {@code <journal>.replay}. */
    public static ReplayRequests besideJournal(Path journalDir) {
        Path absolute = journalDir.toAbsolutePath();
        return new ReplayRequests(absolute.resolveSibling(absolute.getFileName() + ".replay"));
    }

    public Path directory() {
        return dir;
    }

    /** One request: re-send journal ids {@code from..to}. */
    public record Request(Path file, long from, long to) {}

    /** Queues a request for the running sender; returns its file. */
    public Path submit(long from, long to) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("replay range " + from + ".." + to + " must have 1 <= from <= to");
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(System.currentTimeMillis() + "-" + from + "-" + to + ".request");
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.writeString(tmp, from + ".." + to + "\n");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not queue the replay request in " + dir, e);
        }
    }

    /** Requests waiting, oldest first, at most 16; names that do not parse are rejected on the way. */
    public List<Request> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Request> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".request"))
                    .sorted()
                    .toList()) {
                var m = NAME.matcher(f.getFileName().toString());
                long from = m.matches() ? parse(m.group(2)) : -1;
                long to = m.matches() ? parse(m.group(3)) : -1;
                if (from < 1 || to < from) {
                    finish(
                            new Request(f, from, to),
                            "rejected",
                            "name must be <time>-<from>-<to>.request, 1 <= from <= to");
                } else if (requests.size() < MAX_PER_POLL) {
                    requests.add(new Request(f, from, to));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list replay requests in " + dir, e);
        }
        return requests;
    }

    /** Marks a request done, with what was sent. */
    public void done(Request request, String result) {
        finish(request, "done", result);
    }

    /** The file a request becomes once handled, for a caller that waits for it. */
    public static Path doneFile(Path requestFile) {
        return swapSuffix(requestFile, "done");
    }

    private static void finish(Request request, String state, String text) {
        try {
            Path target = swapSuffix(request.file(), state);
            Files.writeString(request.file(), text + "\n", StandardCharsets.UTF_8);
            Files.move(request.file(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not mark replay request " + request.file() + " " + state, e);
        }
    }

    private static Path swapSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".request".length()) + "." + suffix);
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
