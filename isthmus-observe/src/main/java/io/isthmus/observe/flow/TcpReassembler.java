package io.isthmus.observe.flow;

import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.TcpHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One direction of a TCP connection turned back into the sender's byte stream (RFC 9293 3.4:
 * sequence numbers name bytes). In-order bytes go to the listener straight from the capture
 * buffer; segments ahead of a hole are copied and held, within {@link FlowLimits}; bytes seen
 * twice are delivered once.
 *
 * <ul>
 *   <li>Start: a SYN defines byte 0 as ISN+1; without one (capture started mid-connection) the
 *       first segment seen defines it, and earlier bytes arriving later are dropped as old.
 *   <li>Retransmission and overlap: the first bytes received for an offset win (as Linux and
 *       Windows do); a later copy that differs is an overlap conflict, checked against held
 *       segments and against the last {@link FlowLimits#retransmissionCheckBytes()} delivered.
 *   <li>Gaps: a hole the receiver has acknowledged (its ACK passed it) can never be filled, since
 *       the sender will not retransmit acknowledged bytes: it is given up as soon as data beyond
 *       it is held (tshark's "ACKed unseen segment"). When the buffer would exceed its bound,
 *       every hole is given up at once. Either way held bytes are delivered in order with {@link
 *       FlowListener#onStreamGap} where bytes are missing. The same happens on RST, timeout,
 *       eviction and at the capture's end.
 *   <li>Close: after the FIN's sequence number is reached, or once the receiver acknowledged the
 *       FIN (holes before it are then given up as gaps), {@link FlowListener#onStreamClose}.
 * </ul>
 *
 * <p>Sequence arithmetic is modulo 2^32 (RFC 9293 3.4.1): a segment's place is its signed 32-bit
 * distance from the next expected byte, so streams longer than 4 GiB keep their offsets.
 */
public final class TcpReassembler {
    /** The retransmission history's first size; it doubles as bytes arrive (see remember). */
    private static final int MIN_HISTORY = 64;

    private final Flow flow;
    private final Direction direction;
    private final FlowLimits limits;
    private final FlowCounters counters;
    private final FlowListener listener;
    private final PayloadView view;
    /** Where the history's rings come from and go back to when it grows or the stream closes. */
    private final HistoryPool histories;
    /** Segments held ahead of a hole by stream offset; made on the first one (most streams have none). */
    private TreeMap<Long, byte[]> held;

    private long heldCost;
    private boolean started;
    private boolean closed;
    private boolean synSeen;
    private int isn;
    /** The sequence number of stream offset 0. */
    private int baseSeq;
    /** The stream offset of the next byte to deliver. */
    private long next;
    /** The highest stream offset the other side has acknowledged. */
    private long acknowledged;

    private boolean finSeen;
    private long finAt;
    private byte[] history;
    /** The lowest stream offset whose byte the history still holds. */
    private long historyFrom;
    /**
     * Where the next delivered byte goes in the history: {@code next % history.length} while there
     * is a history, kept up as bytes arrive instead of a {@code long} division per delivery.
     */
    private int historyAt;
    /** {@link FlowLimits#retransmissionCheckBytes()}, read once per delivery. */
    private final int historyLimit;

    /** Whether a segment of this direction was seen, and the sequence number after its highest one. */
    private boolean sentSeen;

    private int sentEnd;
    /** Whether the other side acknowledged this direction, its latest ACK and (unscaled) window. */
    private boolean peerAckSeen;

    private int peerAck;
    private int peerWindow;

    TcpReassembler(Flow flow, Direction direction, StreamContext context) {
        this.flow = flow;
        this.direction = direction;
        this.limits = context.limits();
        this.historyLimit = limits.retransmissionCheckBytes();
        this.counters = context.counters();
        this.listener = context.listener();
        this.view = context.view();
        this.histories = context.histories();
    }

    /**
     * One segment of this direction.
     *
     * @param flags the TCP control bits ({@link TcpHeader#flags()})
     * @param offset absolute index of the payload in {@code buffer}
     * @param missing payload bytes the segment carried but the capture cut off (snap length)
     */
    public void segment(int seq, int flags, ByteBuffer buffer, int offset, int length, int missing) {
        if (closed) {
            if (length > 0) {
                counters.dataAfterClose++;
            }
            return;
        }
        counters.tcpSegments++;
        boolean syn = (flags & TcpHeader.SYN) != 0;
        sent(seq + (syn ? 1 : 0) + length + missing + ((flags & TcpHeader.FIN) != 0 ? 1 : 0));
        if (!started) {
            start(seq, syn);
        }
        long start = streamOffset(seq) + (syn ? 1 : 0);
        if ((flags & TcpHeader.FIN) != 0 && !finSeen) {
            finSeen = true;
            finAt = start + length + missing;
        }
        if (length > 0 && start == next && !holding()) {
            // In order with nothing held (most segments): straight to the listener, as data() would.
            deliver(buffer, offset, length, true);
        } else if (length > 0) {
            data(start, buffer, offset, length);
        }
        if (missing > 0 && next == start + length) {
            gap(missing);
            drain();
        }
        if (holding()) {
            giveUpAcknowledgedHoles();
        }
        if (finSeen && next >= finAt) {
            close(CloseReason.FIN);
        }
    }

    /**
     * The other direction acknowledged up to {@code ack} (RFC 9293 3.4: the next sequence number it
     * expects) and offered {@code window} (unscaled): holes below the ACK in held data will never be
     * filled; both are the reference a RST of this direction is judged by ({@link ResetCheck}).
     */
    public void acknowledge(int ack, int window) {
        peerAckSeen = true;
        peerAck = ack;
        peerWindow = window;
        if (!started || closed) {
            return;
        }
        long offset = streamOffset(ack);
        if (offset <= acknowledged) {
            return;
        }
        acknowledged = offset;
        if (finSeen && offset > finAt) {
            // The receiver acknowledged the FIN itself: bytes still missing will never be resent.
            close(CloseReason.FIN);
            return;
        }
        if (holding()) {
            giveUpAcknowledgedHoles();
        }
    }

    /** Ends the stream: held bytes are delivered in order with gaps, then the listener hears why. */
    public void close(CloseReason reason) {
        if (closed) {
            return;
        }
        flushAll();
        if (finSeen && finAt > next) {
            gap(finAt - next);
        }
        closed = true;
        if (history != null) {
            histories.give(history);
            history = null;
        }
        listener.onStreamClose(flow, direction, reason);
    }

    /**
     * Marks a stream made after its direction was closed ({@link Flow#closeStreams}, which told the
     * listener): it takes no more bytes, as if closed then.
     */
    void markClosed() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Bytes held ahead of a hole, with their per-segment overhead. */
    public long heldBytes() {
        return heldCost;
    }

    /** The stream offset of the next byte to deliver: bytes delivered plus gap bytes skipped. */
    public long nextOffset() {
        return next;
    }

    /** Bytes the retransmission history takes now (it grows as bytes arrive, up to its limit). */
    int historyBytes() {
        return history == null ? 0 : history.length;
    }

    boolean synSeen() {
        return synSeen;
    }

    /** Whether any segment of this direction was seen. */
    boolean started() {
        return started;
    }

    boolean sentSeen() {
        return sentSeen;
    }

    /** The sequence number after the highest byte (or SYN/FIN) this direction sent: its SND.NXT. */
    int sentEnd() {
        return sentEnd;
    }

    boolean peerAckSeen() {
        return peerAckSeen;
    }

    /** The other side's latest ACK of this direction: its RCV.NXT as it last told us. */
    int peerAck() {
        return peerAck;
    }

    /** The other side's latest window for this direction, unscaled (options are not parsed). */
    int peerWindow() {
        return peerWindow;
    }

    private void sent(int end) {
        if (!sentSeen || end - sentEnd > 0) {
            sentEnd = end;
            sentSeen = true;
        }
    }

    int isn() {
        return isn;
    }

    private void start(int seq, boolean syn) {
        started = true;
        synSeen = syn;
        isn = seq;
        baseSeq = syn ? seq + 1 : seq;
    }

    private long streamOffset(int seq) {
        return next + (seq - (baseSeq + (int) next));
    }

    private void data(long start, ByteBuffer buffer, int offset, int length) {
        long end = start + length;
        if (end <= next) {
            if (!(length == 1 && end == next)) {
                // RFC 9293 3.8.4: a keep-alive re-sends the last byte, often as garbage; not a conflict.
                checkRetransmission(start, buffer, offset, length);
            }
            counters.retransmittedBytes += length;
            return;
        }
        if (start < next) {
            int seen = (int) (next - start);
            checkRetransmission(start, buffer, offset, seen);
            counters.retransmittedBytes += seen;
            offset += seen;
            length -= seen;
            start = next;
        }
        if (start == next) {
            deliver(buffer, offset, length, true);
            drain();
            return;
        }
        counters.outOfOrderSegments++;
        hold(start, buffer, offset, length);
    }

    /** Holds the parts of an early segment not already held, comparing the parts that are. */
    private void hold(long start, ByteBuffer buffer, int offset, int length) {
        if (held == null) {
            held = new TreeMap<>();
        }
        List<long[]> fresh = freshRanges(start, buffer, offset, length);
        long cost = 0;
        for (long[] r : fresh) {
            cost += r[1] - r[0] + FlowLimits.SEGMENT_OVERHEAD;
        }
        if (heldCost + cost <= limits.maxStreamBufferBytes()
                && counters.streamBufferBytes + cost <= limits.maxTotalStreamBufferBytes()) {
            for (long[] r : fresh) {
                byte[] copy = new byte[(int) (r[1] - r[0])];
                buffer.get(offset + (int) (r[0] - start), copy);
                held.put(r[0], copy);
            }
            heldCost += cost;
            counters.streamBufferBytes += cost;
            return;
        }
        counters.bufferOverflows++;
        flushAll();
        if (start > next) {
            gap(start - next);
        }
        data(start, buffer, offset, length);
    }

    /** The sub-ranges of [start, start + length) no held segment covers; overlaps are compared. */
    private List<long[]> freshRanges(long start, ByteBuffer buffer, int offset, int length) {
        long end = start + length;
        List<long[]> fresh = new ArrayList<>(2);
        long cursor = start;
        Long from = held.floorKey(start);
        for (Map.Entry<Long, byte[]> e :
                held.tailMap(from == null ? start : from, true).entrySet()) {
            long s = e.getKey();
            if (s >= end) {
                break;
            }
            long heldEnd = s + e.getValue().length;
            if (heldEnd <= cursor) {
                continue;
            }
            if (s > cursor) {
                fresh.add(new long[] {cursor, s});
            }
            long overlapFrom = Math.max(s, cursor);
            long overlapTo = Math.min(heldEnd, end);
            compare(
                    e.getValue(),
                    (int) (overlapFrom - s),
                    buffer,
                    offset + (int) (overlapFrom - start),
                    overlapFrom,
                    (int) (overlapTo - overlapFrom));
            counters.retransmittedBytes += overlapTo - overlapFrom;
            cursor = overlapTo;
        }
        if (cursor < end) {
            fresh.add(new long[] {cursor, end});
        }
        return fresh;
    }

    private void compare(byte[] first, int firstOffset, ByteBuffer buffer, int offset, long streamOffset, int length) {
        if (ByteBuffer.wrap(first, firstOffset, length).equals(view.of(buffer, offset, length))) {
            return;
        }
        conflict(streamOffset, length);
    }

    private boolean holding() {
        return held != null && !held.isEmpty();
    }

    /** Delivers held segments that have become contiguous with what was delivered. */
    private void drain() {
        while (holding()) {
            Map.Entry<Long, byte[]> first = held.firstEntry();
            long s = first.getKey();
            if (s > next) {
                return;
            }
            byte[] data = first.getValue();
            held.pollFirstEntry();
            release(data.length);
            int seen = (int) Math.min(next - s, data.length);
            ByteBuffer bytes = ByteBuffer.wrap(data);
            checkRetransmission(s, bytes, 0, seen);
            if (seen < data.length) {
                deliver(bytes, seen, data.length - seen, false);
            }
        }
    }

    /** Gives up the holes before held data the other side has already acknowledged. */
    private void giveUpAcknowledgedHoles() {
        while (holding()) {
            long s = held.firstKey();
            if (s > acknowledged) {
                return;
            }
            if (s > next) {
                gap(s - next);
            }
            drain();
        }
    }

    /** Gives up every hole: held bytes in order, a gap before each run. */
    private void flushAll() {
        while (holding()) {
            long s = held.firstKey();
            if (s > next) {
                gap(s - next);
            }
            drain();
        }
    }

    private void deliver(ByteBuffer buffer, int offset, int length, boolean fromCapture) {
        remember(buffer, offset, length);
        next += length;
        listener.onStreamData(
                flow,
                direction,
                fromCapture
                        ? view.of(buffer, offset, length)
                        : buffer.limit(offset + length).position(offset));
    }

    private void gap(long bytes) {
        counters.gaps++;
        counters.gapBytes += bytes;
        next += bytes;
        historyFrom = next;
        if (history != null) {
            historyAt = (int) (next % history.length);
        }
        listener.onStreamGap(flow, direction, bytes);
    }

    private void conflict(long streamOffset, int length) {
        counters.overlapConflicts++;
        listener.onOverlapConflict(flow, direction, streamOffset, length);
    }

    private void release(int dataBytes) {
        long cost = dataBytes + FlowLimits.SEGMENT_OVERHEAD;
        heldCost -= cost;
        counters.streamBufferBytes -= cost;
    }

    /**
     * Keeps the last delivered bytes in a ring indexed by stream offset. The ring starts small and
     * doubles only as bytes arrive, up to {@link FlowLimits#retransmissionCheckBytes()}: most
     * directions carry a few short requests and never need the full size. Until it reaches that
     * size it holds every byte since {@link #historyFrom}, so what it can compare is the same.
     * Rings come from the table's {@link HistoryPool} and go back to it when outgrown or closed.
     */
    private void remember(ByteBuffer buffer, int offset, int length) {
        int size = historyLimit;
        if (size == 0) {
            return;
        }
        if (history == null) {
            historyFrom = next;
        }
        long kept = Math.min(size, next + length - historyFrom);
        if (history == null || history.length < kept) {
            grow((int) kept, size);
        }
        int capacity = history.length;
        int n = Math.min(length, capacity);
        // The n bytes go to stream offsets next + length - n onwards; their place in the ring is
        // historyAt when that is next, else (a delivery longer than the ring) length - n further.
        int at = n == length ? historyAt : (historyAt + length - n) % capacity;
        int first = Math.min(n, capacity - at);
        int index = offset + length - n;
        if (index < 0 || index > buffer.limit() - n) {
            throw new IndexOutOfBoundsException(
                    "bytes " + index + ".." + (index + n) + " of a buffer limited to " + buffer.limit());
        }
        int end = at + n;
        historyAt = end >= capacity ? end - capacity : end;
        if (!buffer.hasArray()) {
            buffer.get(index, history, at, first);
            buffer.get(index + first, history, 0, n - first);
            return;
        }
        // From the array (the capture buffer, a held segment): under C1 a plain arraycopy, where
        // ByteBuffer.get(int, byte[], int, int) is a chain of calls and checks per segment.
        byte[] array = buffer.array();
        int base = buffer.arrayOffset() + index;
        System.arraycopy(array, base, history, at, first);
        if (first < n) {
            System.arraycopy(array, base + first, history, 0, n - first);
        }
    }

    /**
     * Makes the ring at least {@code needed} bytes (a power of two, at least double, at most {@code
     * size}), bytes kept. Powers of two so that the rings given back to the pool fit other streams;
     * a ring bigger than needed holds the same bytes (every one since {@link #historyFrom}).
     */
    private void grow(int needed, int size) {
        int old = history == null ? 0 : history.length;
        int wanted = Math.max(needed, Math.max(MIN_HISTORY, 2 * old));
        int capacity = Math.min(size, wanted <= 1 ? 1 : Integer.highestOneBit(wanted - 1) << 1);
        // A pooled ring is not cleared: only the positions copied below and written from now on are read.
        byte[] grown = histories.take(capacity);
        // Each byte keeps its stream offset modulo the ring size: copied in runs that wrap neither ring.
        for (long p = Math.max(historyFrom, next - old); p < next; ) {
            int from = (int) (p % old);
            int to = (int) (p % capacity);
            int n = (int) Math.min(next - p, Math.min(old - from, capacity - to));
            System.arraycopy(history, from, grown, to, n);
            p += n;
        }
        if (history != null) {
            histories.give(history);
        }
        history = grown;
        historyAt = (int) (next % capacity);
    }

    /** Compares re-sent bytes with the delivered ones the history still holds. */
    private void checkRetransmission(long start, ByteBuffer buffer, int offset, int length) {
        if (history == null || length == 0) {
            return;
        }
        int size = history.length;
        long from = Math.max(start, Math.max(historyFrom, next - size));
        long to = Math.min(start + length, next);
        for (long p = from; p < to; p++) {
            if (history[(int) (p % size)] != buffer.get(offset + (int) (p - start))) {
                conflict(p, (int) (to - p));
                return;
            }
        }
    }
}
