package io.isthmus.connect.transfer.receive;

import java.io.IOException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The IT side of the one-way transfer: a UDP socket that only receives. It is bound, never
 * connected, and nothing in this class or the {@link Reassembler} ever sends on it, so the receiver
 * transmits nothing toward the OT side (the namespace test captures its interface to show it).
 *
 * <p>{@link #run()} loops on the calling thread until {@link #close()}; it wakes at least every 100
 * ms to give up overdue batches even when nothing arrives. It reads the socket until it is empty;
 * when that took more than one datagram (they arrive faster than the loop wakes for each), it then
 * naps {@link #NAP_NANOS} instead of waiting on the socket: the kernel queues what arrives meanwhile
 * (the receive buffer is sized for far longer stalls) and the loop takes it in one go, one system
 * call per datagram and one wake-up per nap, where waiting on the socket costs a poll, a wake-up and
 * a context switch per datagram, on the sending host too when both share one (benchmarks.md,
 * "diode14"). A sparse stream or an idle socket is waited on as before, so the loop never wakes
 * more often than datagrams arrive.
 * The sink runs on a thread of its own
 * ({@link HandOffSink}, at most 32 MiB queued), so a historian transaction does not keep the loop
 * from the socket; when {@code run()} returns the sink has taken everything. {@link #status()} may be read from any
 * thread: it is a snapshot refreshed by the loop.
 */
public final class DiodeReceiver implements AutoCloseable {
    private static final int POLL_MILLIS = 100;

    /** How long the loop naps after a drain of several datagrams (1 Gbit/s: ~125 KB queue meanwhile). */
    static final long NAP_NANOS = 1_000_000;

    /** Delivered payload waiting for the sink (its own thread, {@link HandOffSink}) at most. */
    static final long MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    private static final System.Logger log = System.getLogger(DiodeReceiver.class.getName());
    private static final java.nio.file.Path RMEM_MAX = java.nio.file.Path.of("/proc/sys/net/core/rmem_max");

    private final DatagramChannel channel;
    private final Selector selector;
    private final int requestedBuffer;
    private final Reassembler reassembler;
    private final HandOffSink handOff;
    private final AtomicReference<ReceiverStatus> status = new AtomicReference<>();
    private volatile boolean closed;
    /** When the loop next gives up overdue batches and refreshes the status (the loop's thread only). */
    private long nextTick;

    public DiodeReceiver(ReceiverConfig config, TransferSink sink) throws IOException {
        this.channel = DatagramChannel.open();
        Selector opened = null;
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
            channel.bind(config.listen());
            channel.configureBlocking(false);
            opened = Selector.open();
            channel.register(opened, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            channel.close();
            throw e;
        }
        this.selector = opened;
        this.requestedBuffer = config.receiveBufferBytes();
        if (receiveBufferCapped()) {
            log.log(
                    System.Logger.Level.WARNING,
                    "asked for a receive buffer of {0} bytes, the kernel granted {1} (on Linux net.core.rmem_max"
                            + " caps it); a burst or a stall longer than the buffer holds loses datagrams, reported"
                            + " as UDP RcvbufErrors and, beyond the parity, as gaps. Raise net.core.rmem_max.",
                    requestedBuffer,
                    receiveBufferBytes());
        }
        this.handOff = new HandOffSink(sink, MAX_QUEUED_BYTES, "diode-receiver-sink");
        this.reassembler = new Reassembler(config, handOff, InstantSource.system(), System.nanoTime());
        status.set(reassembler.status());
    }

    /** The bound address (with the actual port when the configuration asked for port 0). */
    public java.net.InetSocketAddress localAddress() {
        try {
            return (java.net.InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The receive buffer the kernel granted; gaps after a stall are bounded by what it holds. */
    public int receiveBufferBytes() throws SocketException {
        try {
            return channel.getOption(StandardSocketOptions.SO_RCVBUF);
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    /**
     * True when the kernel granted less receive buffer than the configuration asked for: it reports
     * less, or (Linux) {@code net.core.rmem_max} is below the request. The second test is needed
     * because Linux reports twice what it allows for data (socket(7)), so a request between
     * rmem_max and twice it looks granted although it was capped.
     */
    public boolean receiveBufferCapped() throws SocketException {
        return capped(requestedBuffer, receiveBufferBytes(), rmemMax());
    }

    static boolean capped(int requested, int granted, java.util.OptionalLong rmemMax) {
        return granted < requested || (rmemMax.isPresent() && rmemMax.getAsLong() < requested);
    }

    /** net.core.rmem_max, if this is Linux and it can be read (not Files.readString: JDK 25 truncates procfs reads). */
    private static java.util.OptionalLong rmemMax() {
        try {
            return java.util.OptionalLong.of(Long.parseLong(
                    java.nio.file.Files.readAllLines(RMEM_MAX).getFirst().trim()));
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    public ReceiverStatus status() {
        return status.get();
    }

    /** Receives until closed, then gives up what is still incomplete. */
    public void run() throws IOException {
        byte[] buf = new byte[65_536];
        ByteBuffer packet = ByteBuffer.wrap(buf);
        nextTick = System.nanoTime();
        try {
            while (!closed) {
                waitForMore(drain(packet));
            }
        } catch (ClosedChannelException | java.nio.channels.ClosedSelectorException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            try {
                reassembler.finish();
            } finally {
                handOff.close(); // the sink has taken every delivery and gap when run() returns
                status.set(reassembler.status());
            }
        }
    }

    /**
     * Reads datagrams until the socket has none, with the tick whenever it is due, and returns how
     * many it read. A method of its own, so the JIT compiles it (with the reassembler) as a whole,
     * and {@link #run()}'s loop, compiled on stack, calls it instead of inlining the reassembler.
     */
    private int drain(ByteBuffer packet) throws IOException {
        int read = 0;
        while (!closed) {
            packet.clear();
            if (channel.receive(packet) == null) {
                break;
            }
            read++;
            long now = System.nanoTime();
            reassembler.accept(packet.array(), 0, packet.position(), now);
            tickIfDue(now);
        }
        tickIfDue(System.nanoTime());
        return read;
    }

    /** Naps after a drain of several datagrams, else waits on the socket (at most until the next tick). */
    private void waitForMore(int drained) throws IOException {
        if (drained > 1) {
            LockSupport.parkNanos(NAP_NANOS);
        } else if (!closed) {
            selector.select(Math.max(1, (nextTick - System.nanoTime()) / 1_000_000));
            selector.selectedKeys().clear();
        }
    }

    private void tickIfDue(long now) {
        if (now - nextTick >= 0) {
            reassembler.tick(now);
            status.set(reassembler.status());
            nextTick = now + POLL_MILLIS * 1_000_000L;
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            channel.close();
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "closing the receive socket: {0}", e.toString());
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "closing the receive selector: {0}", e.toString());
        }
    }
}
