package io.isthmus.observe.session;

import io.isthmus.wire.capture.CaptureRecord;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run of consecutive captured packets handed from the reading thread to every shard of a {@link
 * ShardedAnalysis}: the packets' bytes copied out of the capture reader's buffer (which is refilled),
 * and per packet the shard that owns it and whether it passes capture time at all. Every shard reads
 * every batch (its own packets fully, the others' only for their time); the last shard done gives the
 * batch back to the pool, so the number of batches, and the memory they hold, is fixed.
 */
final class PacketBatch {
    /** A packet whose headers did not decode: it lets no capture time pass. */
    static final byte UNDECODED = 0;
    /** A packet that decoded and is not an IP fragment. */
    static final byte WHOLE = 1;
    /** An IP fragment: its time also times out incomplete datagrams. */
    static final byte FRAGMENT = 2;

    private final int shards;
    private byte[] bytes;
    private ByteBuffer[] views;
    private int used;
    private int count;
    private long firstPacket;
    private final CaptureRecord.Packet[] packets;
    private final byte[] owner;
    private final byte[] kind;
    private final AtomicInteger readers = new AtomicInteger();

    PacketBatch(int shards, int bytes, int packets) {
        this.shards = shards;
        this.packets = new CaptureRecord.Packet[packets];
        this.owner = new byte[packets];
        this.kind = new byte[packets];
        arena(new byte[bytes]);
    }

    private void arena(byte[] a) {
        bytes = a;
        views = new ByteBuffer[shards];
        for (int i = 0; i < shards; i++) {
            views[i] = ByteBuffer.wrap(a);
        }
    }

    /** Whether a packet of {@code length} bytes still fits; an empty batch takes any packet. */
    boolean fits(int length) {
        return count == 0 || (count < packets.length && used + length <= bytes.length);
    }

    /** Copies packet number {@code number} (the next one) from the reader's {@code buffer}. */
    void add(long number, ByteBuffer buffer, CaptureRecord.Packet p, int shard, byte packetKind) {
        int length = p.capturedLength();
        if (count == 0) {
            firstPacket = number;
            if (length > bytes.length) {
                arena(new byte[length]);
            }
        }
        buffer.get(p.dataOffset(), bytes, used, length);
        packets[count] = new CaptureRecord.Packet(
                p.interfaceId(),
                p.linkTypeCode(),
                p.linkType(),
                p.timestampNanos(),
                p.originalLength(),
                used,
                length,
                p.consumed());
        owner[count] = (byte) shard;
        kind[count] = packetKind;
        used += length;
        count++;
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The capture-wide number (1-based) of packet {@code i} of this batch. */
    long number(int i) {
        return firstPacket + i;
    }

    CaptureRecord.Packet packet(int i) {
        return packets[i];
    }

    int owner(int i) {
        return owner[i];
    }

    byte kind(int i) {
        return kind[i];
    }

    /** The bytes as one shard reads them (each shard its own buffer object: positions are not shared). */
    ByteBuffer view(int shard) {
        return views[shard];
    }

    /** Handed to {@code n} shards. */
    void handOut(int n) {
        readers.set(n);
    }

    /** One shard is done with the batch; true for the last one, which may reuse it. */
    boolean release() {
        return readers.decrementAndGet() == 0;
    }

    void clear() {
        java.util.Arrays.fill(packets, 0, count, null);
        used = 0;
        count = 0;
    }
}
