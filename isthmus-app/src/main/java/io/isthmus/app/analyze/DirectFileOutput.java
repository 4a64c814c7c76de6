package io.isthmus.app.analyze;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The observations file written past the page cache ({@code O_DIRECT}), where the file system
 * allows it: {@code isthmus analyze} writes close to a gigabyte per 300 MB capture, and copying it
 * into the page cache cost the writer thread about 1.8 s of system time on the bench capture (as
 * much as a third of its CPU), besides the kernel's own write-back. Written directly, the disk reads
 * the bytes from this buffer and the system time almost vanishes (docs/benchmarks.md, session
 * sixth).
 *
 * <p>Direct I/O needs whole, aligned blocks: bytes are gathered in an aligned buffer and written a
 * buffer at a time; the last partial block is written through an ordinary channel on {@link
 * #close}. {@link #flush} therefore writes nothing: the file is complete once closed. Where direct
 * I/O cannot be had (tmpfs, file systems or platforms without it) {@link #open} returns an ordinary
 * buffered stream, with the same bytes.
 */
public final class DirectFileOutput extends OutputStream {
    /** Bytes per direct write: the order of the line buffer's size, a multiple of any block size. */
    static final int CHUNK = 1 << 20;

    private static final int MIN_ALIGNMENT = 4096;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer block;
    private final int alignment;
    private long position;
    private boolean closed;

    private DirectFileOutput(Path file, FileChannel channel, int alignment) {
        this.file = file;
        this.channel = channel;
        this.alignment = alignment;
        this.block = ByteBuffer.allocateDirect(CHUNK + alignment).alignedSlice(alignment);
    }

    /**
     * {@code file} created or truncated, written directly when the file system supports it, else
     * through the page cache as {@link Files#newOutputStream} does.
     */
    public static OutputStream open(Path file) throws IOException {
        OutputStream direct = tryDirect(file);
        return direct != null
                ? direct
                : Files.newOutputStream(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
    }

    /** The direct stream, or null where the file system refuses direct I/O. */
    static DirectFileOutput tryDirect(Path file) throws IOException {
        int alignment = alignment(file);
        if (alignment <= 0) {
            return null;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE,
                    ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException | IOException e) {
            // tmpfs and some other file systems refuse O_DIRECT at open (EINVAL): fall back.
            return null;
        }
        return new DirectFileOutput(file, channel, alignment);
    }

    /**
     * The alignment direct I/O needs on {@code file}'s file store (its block size, at least 4096, a
     * power of two dividing {@link #CHUNK}), or 0 when it cannot be known.
     */
    private static int alignment(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            long size = Files.getFileStore(dir).getBlockSize();
            long a = Math.max(size, MIN_ALIGNMENT);
            return Long.bitCount(a) == 1 && a <= CHUNK ? (int) a : 0;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!block.hasRemaining()) {
            drain();
        }
        block.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (!block.hasRemaining()) {
                drain();
            }
            int n = Math.min(len, block.remaining());
            block.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Writes the full buffer (a whole number of blocks) directly. */
    private void drain() throws IOException {
        block.flip();
        writeFully(channel, block, position);
        position += CHUNK;
        block.clear();
    }

    /**
     * Writes the whole blocks gathered so far directly and the rest through an ordinary channel,
     * then closes the file.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            int filled = block.position();
            int whole = filled - filled % alignment;
            if (whole > 0) {
                block.flip().limit(whole);
                writeFully(channel, block, position);
                position += whole;
            }
            if (filled > whole) {
                block.limit(filled).position(whole);
                try (FileChannel tail = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    writeFully(tail, block, position);
                }
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
