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
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * <p>A plain capture is read straight from the file or stream into the buffer, in blocks as large as
 * the buffer has room for (one {@code read} per refill, no wrapper streams in between), and the
 * bytes taken are counted here for {@link #progress()}. The two bytes read to recognise gzip stay
 * in the buffer as the capture's first bytes; a gzip stream gets them back first, then the rest of
 * the input, through {@link CompressedInput}, which counts the compressed bytes.
 *
 * <p>Not thread-safe, except {@link #progress()}, which another thread may poll.
 */
public final class CaptureSource implements AutoCloseable {
    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int GZIP_BUFFER = 1 << 16;
    private static final int PUBLISH_EVERY = 1 << 10;
    private static final int GZIP_MAGIC_BYTES = 2;

    /** The capture itself for a plain input; a {@link GZIPInputStream} over {@link CompressedInput} otherwise. */
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
    /**
     * Bytes taken from the file or stream (compressed bytes for gzip), written by the reading
     * thread once per {@code read} call, read by {@link #progress()}.
     */
    private volatile long inputBytes;

    private CaptureSource(InputStream input, OptionalLong totalBytes, CaptureLimits limits, boolean closeInput)
            throws IOException {
        this.closeInput = closeInput;
        this.totalBytes = totalBytes;
        this.decoder = new CaptureDecoder(limits);
        this.buffer = ByteBuffer.allocate(Math.min(INITIAL_BUFFER, limits.maxRecordBytes()));
        int sniffed = readMagic(input, buffer.array());
        inputBytes = sniffed;
        byte[] a = buffer.array();
        this.compressed = sniffed == GZIP_MAGIC_BYTES && a[0] == 0x1f && a[1] == (byte) 0x8b;
        if (compressed) {
            buffer.limit(0);
            this.in = new GZIPInputStream(new CompressedInput(Arrays.copyOf(a, sniffed), input), GZIP_BUFFER);
        } else {
            buffer.limit(sniffed); // the capture's first bytes, where the decoder expects them
            this.in = input;
        }
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
        CaptureRecord r = decoder.next(buffer);
        // The common case first, by instanceof: analyze runs C1 only, where a pattern switch is an
        // invokedynamic call through method handles on every packet (docs/benchmarks.md, sixth session).
        // Blocks, refills and the end are in packetAfter(), which keeps this method small enough for
        // C2 to inline into the caller's loop (it did not when the loop over them was here).
        Packet p = r instanceof Packet packet ? packet : packetAfter(r);
        if (p == null) {
            return false;
        }
        if (current != p) { // the decoder's one reused packet: no G1 write barrier per packet
            current = p;
        }
        pendingConsume = p.consumed();
        if ((++delivered & (PUBLISH_EVERY - 1)) == 0) {
            packets = delivered;
        }
        return true;
    }

    /**
     * The first packet from {@code r} (what the decoder just returned, not a packet) on: skips blocks
     * and refills; null at the end of the input or at damage, with the source stopped.
     */
    private Packet packetAfter(CaptureRecord r) throws IOException {
        while (true) {
            switch (r) {
                case Packet p -> {
                    return p;
                }
                case Skipped s -> buffer.position(buffer.position() + s.consumed());
                case NeedMore n -> {
                    if (!fill(n.bytes())) {
                        return null;
                    }
                }
                case Malformed m -> {
                    stop(Optional.of(m));
                    return null;
                }
            }
            r = decoder.next(buffer);
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
        return new CaptureProgress(inputBytes, totalBytes, packets);
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
                int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
                if (n < 0) {
                    break;
                }
                if (!compressed) {
                    inputBytes += n;
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
                "decompressing failed (" + e.getMessage() + ") after " + inputBytes
                        + " compressed bytes; the record at " + decoder.offset() + " is incomplete");
    }

    private boolean stop(Optional<Malformed> damage) {
        failure = damage;
        done = true;
        packets = delivered;
        current = null;
        return false;
    }

    /**
     * Reads up to the two bytes of the gzip magic into {@code into}, fewer only at the end of the
     * input; never waits for more than those two (a pipe's first write may be shorter).
     */
    private static int readMagic(InputStream in, byte[] into) throws IOException {
        int n = 0;
        while (n < GZIP_MAGIC_BYTES) {
            int r = in.read(into, n, GZIP_MAGIC_BYTES - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /**
     * What the gzip decompressor reads: the magic bytes the source read to recognise it, then the
     * rest of the input, counted into {@link #inputBytes} as they are taken. Reads from the input
     * only what the decompressor asks for, so a pipe is never waited on for more.
     */
    private final class CompressedInput extends InputStream {
        private final byte[] magic;
        private final InputStream input;
        private int magicRead;

        CompressedInput(byte[] magic, InputStream input) {
            this.magic = magic;
            this.input = input;
        }

        @Override
        public int read() throws IOException {
            if (magicRead < magic.length) {
                return magic[magicRead++] & 0xFF;
            }
            int b = input.read();
            if (b >= 0) {
                inputBytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (magicRead < magic.length) {
                int n = Math.min(len, magic.length - magicRead);
                System.arraycopy(magic, magicRead, b, off, n);
                magicRead += n;
                return n;
            }
            int n = input.read(b, off, len);
            if (n > 0) {
                inputBytes += n;
            }
            return n;
        }

        /** Whether more input is ready: the decompressor asks after each member for concatenated gzip. */
        @Override
        public int available() throws IOException {
            int left = magic.length - magicRead;
            int ready = input.available();
            return ready > Integer.MAX_VALUE - left ? Integer.MAX_VALUE : ready + left;
        }

        @Override
        public void close() throws IOException {
            input.close();
        }
    }
}
