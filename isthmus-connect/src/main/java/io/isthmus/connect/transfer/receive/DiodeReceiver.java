package io.isthmus.connect.transfer.receive;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The IT side of the one-way transfer: a UDP socket that only receives. It is bound, never
 * connected, and nothing in this class or the {@link Reassembler} ever sends on it, so the receiver
 * transmits nothing toward the OT side (the namespace test captures its interface to show it).
 *
 * <p>{@link #run()} loops on the calling thread until {@link #close()}; it wakes at least every 100
 * ms to give up overdue batches even when nothing arrives. The sink runs on a thread of its own
 * ({@link HandOffSink}, at most 32 MiB or {@code maxBufferedBytes} queued), so a historian
 * transaction does not keep the loop from the socket; when {@code run()} returns the sink has taken
 * everything. {@link #status()} may be read from any thread: it is a snapshot refreshed by the loop.
 *
 * <p>While it waits for the first datagram, {@code run()} lets a thread of its own drive the same
 * path with synthetic batches ({@link ReceiverWarmUp}, at most {@link ReceiverConfig#warmUp()}), so
 * that the JIT has compiled it when the sender's traffic arrives; the first datagram, or {@link
 * #close()}, ends it after the batch it is feeding. It uses no socket and reaches neither the sink
 * nor {@link #status()}.
 */
public final class DiodeReceiver implements AutoCloseable {
    private static final int POLL_MILLIS = 100;

    /**
     * Delivered payload waiting for the sink (its own thread, {@link HandOffSink}) at least; at most
     * the larger of this and {@link ReceiverConfig#maxBufferedBytes()} (see {@link #handOffBytes}).
     */
    static final long MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    private static final System.Logger log = System.getLogger(DiodeReceiver.class.getName());
    private static final java.nio.file.Path RMEM_MAX = java.nio.file.Path.of("/proc/sys/net/core/rmem_max");

    private final DatagramSocket socket;
    private final int requestedBuffer;
    private final Reassembler reassembler;
    private final HandOffSink handOff;
    private final AtomicReference<ReceiverStatus> status = new AtomicReference<>();
    private final ReceiverConfig config;
    private volatile boolean closed;
    /** Set once, by the loop, when the first datagram arrived: it ends the warm-up. */
    private volatile boolean traffic;

    private volatile ReceiverWarmUp.Result warmUp;
    /** When the loop next gives up overdue batches and refreshes the status (the loop's thread only). */
    private long nextTick;

    public DiodeReceiver(ReceiverConfig config, TransferSink sink) throws IOException {
        this.config = config;
        this.socket = new DatagramSocket(null);
        socket.setReceiveBufferSize(config.receiveBufferBytes());
        socket.setSoTimeout(POLL_MILLIS);
        socket.bind(config.listen());
        this.requestedBuffer = config.receiveBufferBytes();
        if (receiveBufferCapped()) {
            log.log(
                    System.Logger.Level.WARNING,
                    "asked for a receive buffer of {0} bytes, the kernel granted {1} (on Linux net.core.rmem_max"
                            + " caps it); a burst or a stall longer than the buffer holds loses datagrams, reported"
                            + " as UDP RcvbufErrors and, beyond the parity, as gaps. Raise net.core.rmem_max.",
                    requestedBuffer,
                    socket.getReceiveBufferSize());
        }
        this.handOff = new HandOffSink(sink, handOffBytes(config), "diode-receiver-sink");
        this.reassembler = new Reassembler(config, handOff, InstantSource.system(), System.nanoTime());
        status.set(reassembler.status());
    }

    /**
     * What the hand-off to the sink holds before the receive loop waits: at least everything the
     * reassembler may hold back behind a missing batch ({@link ReceiverConfig#maxBufferedBytes()}), so
     * that the batches released at once when a gap is given up go to the sink's queue without
     * keeping the loop from the socket while the sink works through them (the hub's sink stores
     * each batch in a historian transaction; a loop that waited for a burst of them would let the
     * socket overflow and open the next gap). It is the same memory: a released batch leaves the
     * reassembler as it enters the queue.
     */
    static long handOffBytes(ReceiverConfig config) {
        return Math.max(MAX_QUEUED_BYTES, config.maxBufferedBytes());
    }

    /** The bound address (with the actual port when the configuration asked for port 0). */
    public java.net.InetSocketAddress localAddress() {
        return (java.net.InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The receive buffer the kernel granted; gaps after a stall are bounded by what it holds. */
    public int receiveBufferBytes() throws SocketException {
        return socket.getReceiveBufferSize();
    }

    /**
     * True when the kernel granted less receive buffer than the configuration asked for: it reports
     * less, or (Linux) {@code net.core.rmem_max} is below the request. The second test is needed
     * because Linux reports twice what it allows for data (socket(7)), so a request between
     * rmem_max and twice it looks granted although it was capped.
     */
    public boolean receiveBufferCapped() throws SocketException {
        return capped(requestedBuffer, socket.getReceiveBufferSize(), rmemMax());
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

    /**
     * What the warm-up did, once it has ended (empty before, and when {@link ReceiverConfig#warmUp()}
     * is zero).
     */
    public java.util.Optional<String> warmUpReport() {
        ReceiverWarmUp.Result r = warmUp;
        return r == null ? java.util.Optional.empty() : java.util.Optional.of(r.describe());
    }

    /** The warm-up's result, for tests in this package; null until it ended. */
    ReceiverWarmUp.Result warmUpResult() {
        return warmUp;
    }

    /** Receives until closed, then gives up what is still incomplete. */
    public void run() throws IOException {
        byte[] buf = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        nextTick = System.nanoTime();
        Thread warming = startWarmUp();
        try {
            while (!closed) {
                receiveOne(packet);
            }
        } catch (SocketException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            traffic = true; // ends the warm-up, if it still runs
            joinWarmUp(warming);
            try {
                reassembler.finish();
            } finally {
                handOff.close(); // the sink has taken every delivery and gap when run() returns
                status.set(reassembler.status());
            }
        }
    }

    private Thread startWarmUp() {
        if (config.warmUp().isZero()) {
            return null;
        }
        return Thread.ofPlatform().daemon().name("diode-receiver-warm-up").start(() -> {
            try {
                ReceiverWarmUp.Result r = ReceiverWarmUp.run(config, config.warmUp(), () -> traffic || closed);
                warmUp = r;
                log.log(System.Logger.Level.INFO, r.describe());
            } catch (RuntimeException e) { // the receiver runs on cold, as without a warm-up
                log.log(System.Logger.Level.WARNING, "receiver warm-up failed; receiving without it: " + e, e);
            }
        });
    }

    private static void joinWarmUp(Thread warming) {
        if (warming == null) {
            return;
        }
        try {
            warming.join(); // it ends after the batch it is feeding
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One turn of the loop: a datagram (or the poll's timeout), then the tick if it is due. A method of
     * its own, so the JIT compiles it (with the reassembler) as a whole once it is called often, and
     * {@link #run()}'s loop, compiled on stack, calls it instead of inlining the reassembler again.
     */
    private void receiveOne(DatagramPacket packet) throws IOException {
        try {
            packet.setLength(packet.getData().length);
            socket.receive(packet);
            if (!traffic) {
                traffic = true; // the first datagram: the warm-up ends after its current batch
            }
            reassembler.accept(packet.getData(), packet.getOffset(), packet.getLength(), System.nanoTime());
        } catch (SocketTimeoutException idle) {
            // nothing arrived: fall through to the tick
        }
        long now = System.nanoTime();
        if (now - nextTick >= 0) {
            reassembler.tick(now);
            status.set(reassembler.status());
            nextTick = now + POLL_MILLIS * 1_000_000L;
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
