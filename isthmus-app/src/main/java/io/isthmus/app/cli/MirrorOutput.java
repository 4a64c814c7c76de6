package io.isthmus.app.cli;

import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.mirror.MirrorLimits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code isthmus sim --mirror FILE|-}: copies the virtual factory's mirror port (a pcap stream) to
 * a file, which it overwrites as {@code tcpdump -w} does, or to standard output for a pipe into
 * {@code isthmus analyze -} or {@code tshark -r -}. It flushes whenever the stream has nothing more
 * ready, so a reader downstream sees each frame as it happens. When the reader goes away (a broken
 * pipe) copying stops; the factory's bounded queue then drops (and counts) what nobody reads.
 */
final class MirrorOutput implements AutoCloseable {
    private static final long JOIN_MILLIS = 5_000;

    private final Optional<OutputStream> target;
    private final boolean ownsTarget;
    private Thread copier;
    private volatile IOException failure;

    private MirrorOutput(Optional<OutputStream> target, boolean ownsTarget) {
        this.target = target;
        this.ownsTarget = ownsTarget;
    }

    /** Nothing for {@code null}, standard output for {@code -}, else the file (created or truncated). */
    static MirrorOutput open(String spec, OutputStream stdout) throws IOException {
        if (spec == null) {
            return new MirrorOutput(Optional.empty(), false);
        }
        if (spec.equals("-")) {
            return new MirrorOutput(Optional.of(stdout), false);
        }
        return new MirrorOutput(Optional.of(new BufferedOutputStream(Files.newOutputStream(Path.of(spec)))), true);
    }

    /** The mirror port's limits when there is somewhere to write, else none (no mirror port). */
    Optional<MirrorLimits> limits() {
        return target.map(t -> MirrorLimits.DEFAULT);
    }

    /** Starts copying the factory's mirror port, which must have been started with {@link #limits()}. */
    void start(VirtualFactory factory) {
        if (target.isEmpty()) {
            return;
        }
        InputStream in = factory.mirror().orElseThrow().stream();
        OutputStream out = target.get();
        copier = Thread.ofPlatform().daemon().name("isthmus-sim-mirror").start(() -> copy(in, out));
    }

    private void copy(InputStream in, OutputStream out) {
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (in.available() == 0) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Why copying stopped early (a broken pipe, a full disk), if it did. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Waits for the copy to drain what the (already closed) mirror port still holds, then closes a
     * file target; standard output stays open.
     */
    @Override
    public void close() {
        if (copier != null) {
            try {
                copier.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownsTarget && target.isPresent()) {
            try {
                target.get().close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
    }
}
