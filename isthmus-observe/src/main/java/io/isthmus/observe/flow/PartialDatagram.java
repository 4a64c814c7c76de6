package io.isthmus.observe.flow;

import io.isthmus.wire.packet.IpHeader;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The fragments of one IPv4 or IPv6 datagram received so far: the payload bytes in one array grown as
 * fragments arrive (never beyond the datagram limit) and the byte ranges they cover, kept sorted
 * and merged (RFC 815's hole list, inverted).
 */
final class PartialDatagram {
    static final int IPV4_HEADER = 20;
    static final int IPV6_HEADER = 40;

    enum Outcome {
        ADDED,
        OVERLAP,
        REFUSED
    }

    private final IpHeader first;
    private final long firstSeenNanos;
    private final int maxPayload;
    private byte[] data = new byte[0];
    /** Covered ranges as [start, end) pairs, sorted, not touching. */
    private int[] ranges = new int[0];

    private int rangeCount;
    private int fragments;
    private int total = -1;

    PartialDatagram(IpHeader first, long firstSeenNanos, int maxPayload) {
        this.first = first;
        this.firstSeenNanos = firstSeenNanos;
        this.maxPayload = maxPayload;
    }

    long firstSeenNanos() {
        return firstSeenNanos;
    }

    /** Adds payload bytes [from, to) read at {@code offset} in {@code buffer}; keeps bytes already held. */
    Outcome add(int from, int to, ByteBuffer buffer, int offset, boolean last, int maxFragments) {
        if (++fragments > maxFragments || (total >= 0 && to > total) || (last && to < covered())) {
            return Outcome.REFUSED;
        }
        if (last) {
            total = to;
        }
        if (to > data.length) {
            data = Arrays.copyOf(data, Math.min(maxPayload, Math.max(to, data.length * 2)));
        }
        boolean overlap = false;
        int cursor = from;
        for (int i = 0; i < rangeCount && cursor < to; i++) {
            int s = ranges[2 * i];
            int e = ranges[2 * i + 1];
            if (e <= cursor) {
                continue;
            }
            if (s >= to) {
                break;
            }
            if (s > cursor) {
                buffer.get(offset + cursor - from, data, cursor, s - cursor);
            }
            overlap = true;
            cursor = Math.max(cursor, e);
        }
        if (cursor < to) {
            buffer.get(offset + cursor - from, data, cursor, to - cursor);
        }
        cover(from, to);
        return overlap ? Outcome.OVERLAP : Outcome.ADDED;
    }

    boolean complete() {
        return total >= 0 && rangeCount == 1 && ranges[0] == 0 && ranges[1] == total;
    }

    /** The datagram as a packet of the first fragment's IP version, ready for the IP decoder. */
    ByteBuffer writeTo(ByteBuffer out) {
        return first.version() == 6 ? writeIpv6(out) : writeIpv4(out);
    }

    /** A 40-byte IPv6 header (RFC 8200 3) whose Next Header is the fragments' upper layer (4.5). */
    private ByteBuffer writeIpv6(ByteBuffer out) {
        out.clear();
        out.putInt(0x6000_0000)
                .putShort((short) total)
                .put((byte) first.protocol())
                .put((byte) first.hopLimit());
        out.putLong(first.srcHigh())
                .putLong(first.srcLow())
                .putLong(first.dstHigh())
                .putLong(first.dstLow());
        out.put(data, 0, total);
        return out.flip();
    }

    /** A 20-byte IPv4 header (RFC 791 3.1) with a valid checksum. */
    private ByteBuffer writeIpv4(ByteBuffer out) {
        out.clear();
        out.put((byte) 0x45).put((byte) 0).putShort((short) (20 + total));
        out.putShort((short) first.fragmentId()).putShort((short) 0);
        out.put((byte) first.hopLimit()).put((byte) first.protocol()).putShort((short) 0);
        out.putInt((int) first.srcLow()).putInt((int) first.dstLow());
        out.putShort(10, (short) checksum(out));
        out.put(data, 0, total);
        return out.flip();
    }

    private int covered() {
        return rangeCount == 0 ? 0 : ranges[2 * rangeCount - 1];
    }

    /** Inserts [from, to) in start order, then merges touching and overlapping ranges. */
    private void cover(int from, int to) {
        int[] all = new int[2 * (rangeCount + 1)];
        int n = 0;
        boolean placed = false;
        for (int i = 0; i < rangeCount; i++) {
            if (!placed && from < ranges[2 * i]) {
                all[n++] = from;
                all[n++] = to;
                placed = true;
            }
            all[n++] = ranges[2 * i];
            all[n++] = ranges[2 * i + 1];
        }
        if (!placed) {
            all[n++] = from;
            all[n++] = to;
        }
        int m = 0;
        for (int i = 0; i < n; i += 2) {
            if (m > 0 && all[i] <= all[m - 1]) {
                all[m - 1] = Math.max(all[m - 1], all[i + 1]);
            } else {
                all[m++] = all[i];
                all[m++] = all[i + 1];
            }
        }
        ranges = all;
        rangeCount = m / 2;
    }

    private static int checksum(ByteBuffer header) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += header.getShort(i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }
}
