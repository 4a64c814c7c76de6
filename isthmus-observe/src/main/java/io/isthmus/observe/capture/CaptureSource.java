package io.isthmus.observe.capture;

import io.isthmus.wire.capture.CaptureDecoder;
import io.isthmus.wire.capture.CaptureError;
import io.isthmus.wire.capture.CaptureLimits;
import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.capture.CaptureRecord.Malformed;
import io.isthmus.wire.capture.CaptureRecord.NeedMore;
import io.isthmus.wire.capture.CaptureRecord.Packet;
import io.isthmus.wire.capture.CaptureRecord.Skipped;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Packets from a capture file, a gzip-compressed capture (recognised by its magic 1f 8b, RFC 1952
 * 2.3.1) or standard input, read sequentially through one reused buffer that grows only as far as
 * the largest record the {@link CaptureLimits} allow.
 *
 * <p>Use as a cursor: {@link #advance()} until it returns false; {@link #packet()} is the current
 * packet and its {@code dataOffset} indexes {@link #buffer()}, both valid until the next {@code
 * advance()}: the packet is one instance that the capture decoder re-fills per record, and the
 * buffer's bytes are overwritten by the next refill, so copy what must be kept. After the last packet, {@link #failure()} says whether the capture ended cleanly or
 * names the byte offset of the damage; every packet before it was delivered.
 *
 * <p>Not thread-safe, except {@link #progress()}, which another thread may poll.
 */
public final class CaptureSource implements AutoCloseable {
    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int GZIP_BUFFER = 1 << 16;
    private static final int PUBLISH_EVERY = 1 << 10;

    private final CountingInputStream raw;
    private final InputStream in;
    private final boolean compressed;
    private final boolean closeInput;
    private final OptionalLong totalBytes;
    private final CaptureDecoder decoder;
    private ByteBuffer buffer;
    private Packet current;
    private int pendingConsume;
    private boolean done;
    private Optional<Malformed> failure = Optional.empty();
    /** Packets delivered, counted by the reading thread. */
    private long delivered;
    /**
     * {@link #delivered} as another thread may read it: published every {@link #PUBLISH_EVERY}
     * packets and when the source ends, not per packet (a volatile write per packet showed under C1).
     */
    private volatile long packets;

    private CaptureSource(InputStream input, OptionalLong totalBytes, CaptureLimits limits, boolean closeInput)
            throws IOException {
        this.raw = new CountingInputStream(input);
        PushbackInputStream peek = new PushbackInputStream(raw, 2);
        this.compressed = startsWithGzipMagic(peek);
        this.in = compressed ? new GZIPInputStream(peek, GZIP_BUFFER) : peek;
        this.closeInput = closeInput;
        this.totalBytes = totalBytes;
        this.decoder = new CaptureDecoder(limits);
        this.buffer = ByteBuffer.allocate(Math.min(INITIAL_BUFFER, limits.maxRecordBytes()))
                .limit(0);
    }

    /** A file, or standard input for {@code "-"}. */
    public static CaptureSource open(String pathOrDash, CaptureLimits limits) throws IOException {
        if ("-".equals(pathOrDash)) {
            return new CaptureSource(System.in, OptionalLong.empty(), limits, false);
        }
        return open(Path.of(pathOrDash), limits);
    }

    public static CaptureSource open(Path file, CaptureLimits limits) throws IOException {
        long size = Files.size(file);
        return new CaptureSource(Files.newInputStream(file), OptionalLong.of(size), limits, true);
    }

    /** Any stream; closed with this source. {@code totalBytes} is its length when known, for progress. */
    public static CaptureSource of(InputStream in, OptionalLong totalBytes, CaptureLimits limits) throws IOException {
        return new CaptureSource(Objects.requireNonNull(in, "in"), totalBytes, limits, true);
    }

    /** Moves to the next packet; false at the end of the capture or at damage (see {@link #failure()}). */
    public boolean advance() throws IOException {
        if (done) {
            return false;
        }
        buffer.position(buffer.position() + pendingConsume);
        pendingConsume = 0;
        while (true) {
            CaptureRecord r = decoder.next(buffer);
            // The common case first, by instanceof: analyze runs C1 only, where a pattern switch is an
            // invokedynamic call through method handles on every packet (docs/benchmarks.md, sixth session).
            if (r instanceof Packet p) {
                current = p;
                pendingConsume = p.consumed();
                if ((++delivered & (PUBLISH_EVERY - 1)) == 0) {
                    packets = delivered;
                }
                return true;
            }
            switch (r) {
                case Packet p -> {
                    current = p;
                    pendingConsume = p.consumed();
                    packets = ++delivered;
                    return true;
                }
                case Skipped s -> buffer.position(buffer.position() + s.consumed());
                case NeedMore n -> {
                    if (!fill(n.bytes())) {
                        return false;
                    }
                }
                case Malformed m -> {
                    return stop(Optional.of(m));
                }
            }
        }
    }

    /** The current packet; its bytes are in {@link #buffer()}. */
    public Packet packet() {
        if (current == null || done) {
            throw new NoSuchElementException("no current packet: call advance() first and only while it returns true");
        }
        return current;
    }

    /** The buffer the current packet's {@code dataOffset} points into. Read it; do not keep it. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Empty when the capture ended cleanly (or has not ended yet); otherwise the one damage to report. */
    public Optional<Malformed> failure() {
        return failure;
    }

    /** True for a gzip-compressed input. */
    public boolean compressed() {
        return compressed;
    }

    /**
     * Safe to poll from another thread. Its packet count trails the packets delivered by less than
     * 1,024 while the capture is read, and is exact once {@link #advance()} returned false or the
     * source was closed.
     */
    public CaptureProgress progress() {
        return new CaptureProgress(raw.count(), totalBytes, packets);
    }

    @Override
    public void close() throws IOException {
        done = true;
        packets = delivered;
        if (closeInput) {
            in.close();
        }
    }

    /**
     * Makes room for and reads at least {@code need} more bytes, taking whatever the stream has
     * ready beyond that up to the buffer's end (a live pipe is never waited on for more than the
     * record needs). False at the end of input, with {@link #failure} set if it ended inside a record.
     */
    private boolean fill(int need) throws IOException {
        int remaining = buffer.remaining();
        ensureCapacity(remaining + need);
        buffer.compact();
        int added = 0;
        try {
            while (added < need) {
                int n = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                if (n < 0) {
                    break;
                }
                buffer.position(buffer.position() + n);
                added += n;
            }
        } catch (EOFException | ZipException e) {
            buffer.flip();
            return stop(Optional.of(compressedDamage(e)));
        }
        buffer.flip();
        if (added < need) {
            return stop(decoder.finish(buffer));
        }
        return true;
    }

    private void ensureCapacity(int bytes) {
        if (bytes <= buffer.capacity()) {
            return;
        }
        int capacity = (int) Math.min(Math.max(bytes, (long) buffer.capacity() * 2), Integer.MAX_VALUE - 8);
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        bigger.put(buffer).flip();
        buffer = bigger;
    }

    private Malformed compressedDamage(IOException e) {
        return new Malformed(
                CaptureError.COMPRESSED_STREAM_DAMAGED,
                decoder.offset() + buffer.remaining(),
                "decompressing failed (" + e.getMessage() + ") after " + raw.count()
                        + " compressed bytes; the record at " + decoder.offset() + " is incomplete");
    }

    private boolean stop(Optional<Malformed> damage) {
        failure = damage;
        done = true;
        packets = delivered;
        current = null;
        return false;
    }

    private static boolean startsWithGzipMagic(PushbackInputStream in) throws IOException {
        byte[] magic = new byte[2];
        int n = 0;
        while (n < 2) {
            int r = in.read(magic, n, 2 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.unread(magic, 0, n);
        return n == 2 && magic[0] == 0x1f && magic[1] == (byte) 0x8b;
    }
}
