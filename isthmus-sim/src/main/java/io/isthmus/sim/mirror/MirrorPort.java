package io.isthmus.sim.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The virtual factory's mirror (SPAN) port: a classic pcap stream (nanosecond timestamps, link
 * type Ethernet) of the Modbus/TCP conversations the factory's sockets carry, for a network sensor
 * to read as it would read {@code tcpdump -w -}.
 *
 * <p>Producers (PLC server connections, scenario actors) never block: frames go to a bounded queue
 * and what does not fit is dropped and counted ({@link #dropped()}), like an oversubscribed SPAN
 * port. Timestamps come from the clock given at creation (the factory's simulated clock), taken
 * under one lock together with the enqueue, so the stream is in time order.
 */
public final class MirrorPort implements AutoCloseable {
    /** Link type 1, Ethernet (tcpdump.org link-layer header types). */
    private static final int LINKTYPE_ETHERNET = 1;

    private static final int SNAPLEN = 65_535;

    private final MirrorLimits limits;
    private final Supplier<Instant> clock;
    private final BlockingQueue<byte[]> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong unsupported = new AtomicLong();
    private final AtomicBoolean streamTaken = new AtomicBoolean();
    private volatile boolean closed;
    private int ipId; // guarded by this

    private MirrorPort(MirrorLimits limits, Supplier<Instant> clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(limits.queueFrames());
    }

    /** A mirror port stamping frames with {@code clock}, which must not go backwards. */
    public static MirrorPort create(MirrorLimits limits, Supplier<Instant> clock) {
        return new MirrorPort(limits, clock);
    }

    MirrorLimits limits() {
        return limits;
    }

    /**
     * A connection {@code client} opened to {@code server}: the three-way handshake now, and a
     * conversation to report its bytes and its end to. Empty for non-IPv4 addresses (counted in
     * {@link #unsupported()}), which this mirror does not frame.
     */
    public java.util.Optional<TcpConversation> open(InetSocketAddress client, InetSocketAddress server) {
        if (!ipv4(client, server)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(TcpConversation.open(this, client, server));
    }

    /** A connection attempt to a closed port: the SYN and the RST that answers it. */
    public void refused(InetSocketAddress client, InetSocketAddress server) {
        if (ipv4(client, server)) {
            TcpConversation.refused(this, client, server);
        }
    }

    /** A connection attempt nobody answered (a filtered port): the lone SYN. */
    public void unanswered(InetSocketAddress client, InetSocketAddress server) {
        if (ipv4(client, server)) {
            TcpConversation.unanswered(this, client, server);
        }
    }

    /** A gratuitous ARP for {@code address}, as a host sends when its link comes up. */
    public void announce(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            emit(EthernetFrames.arpAnnouncement(v4));
        } else {
            unsupported.incrementAndGet();
        }
    }

    private boolean ipv4(InetSocketAddress a, InetSocketAddress b) {
        if (a.getAddress() instanceof Inet4Address && b.getAddress() instanceof Inet4Address) {
            return true;
        }
        unsupported.incrementAndGet();
        return false;
    }

    synchronized int nextIpId() {
        ipId = (ipId + 1) & 0xFFFF;
        return ipId;
    }

    /** Stamps and queues one frame; drops it (counted) when the queue is full or the port closed. */
    synchronized void emit(byte[] frame) {
        if (closed) {
            return;
        }
        Instant t = clock.get();
        ByteBuffer r = ByteBuffer.allocate(16 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) t.getEpochSecond()).putInt(t.getNano());
        r.putInt(frame.length).putInt(frame.length).put(frame);
        if (queue.offer(r.array())) {
            frames.incrementAndGet();
            bytes.addAndGet(frame.length);
        } else {
            dropped.incrementAndGet();
        }
    }

    /** Frames queued for the reader so far. */
    public long frames() {
        return frames.get();
    }

    /** Frame bytes queued so far (without pcap record headers). */
    public long bytes() {
        return bytes.get();
    }

    /** Frames dropped because the reader fell {@link MirrorLimits#queueFrames} behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Connections or announcements not framed because an address was not IPv4. */
    public long unsupported() {
        return unsupported.get();
    }

    /**
     * The pcap stream: the file header, then every frame as it is queued; it ends after {@link
     * #close()} once the queue is drained. One reader only.
     *
     * @throws IllegalStateException when taken before
     */
    public InputStream stream() {
        if (!streamTaken.compareAndSet(false, true)) {
            throw new IllegalStateException("the mirror port's stream has one reader and was taken before");
        }
        return new PcapStream();
    }

    /** Stops mirroring: no frame is queued after this; the stream ends once drained. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
    }

    private static byte[] fileHeader() {
        return ByteBuffer.allocate(24)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0xA1B23C4D) // nanosecond-resolution pcap
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(SNAPLEN)
                .putInt(LINKTYPE_ETHERNET)
                .array();
    }

    private final class PcapStream extends InputStream {
        private byte[] current = fileHeader();
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (current == null || position == current.length) {
                try {
                    current = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for mirrored frames");
                }
                position = 0;
                if (current == null && closed && queue.isEmpty()) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return current == null ? 0 : current.length - position;
        }
    }
}
