package io.isthmus.app.analyze;

import io.isthmus.wire.packet.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The middle of an observation line that is the same for every message of one flow direction,
 * {@code ,"src":…,"dst":…,"sport":…,"dport":…[,"src_mac":…][,"dst_mac":…],"protocol":…,"direction":…,"function":},
 * kept as bytes and copied in one piece: on the benchmark capture a direction carries about twenty
 * messages, and writing these fields one by one (two address look-ups, two port numbers, two MAC
 * texts, a dozen field names) was a fifth of the writer thread's CPU.
 *
 * <p>Direct mapped and bounded: {@link #SLOTS} entries; a colliding direction replaces the entry,
 * and its text is built again (the same bytes). Only for messages with IP addresses; frames
 * without IP (PROFINET DCP) take the writer's field-by-field path. Not thread-safe.
 */
final class EndpointTexts {
    /** Entries (a power of two): a few MB at most, far above the directions alive at once. */
    static final int SLOTS = 1 << 14;

    private static final byte[] SRC = ascii(",\"src\":\"");
    private static final byte[] DST = ascii("\",\"dst\":\"");
    private static final byte[] SPORT = ascii("\",\"sport\":");

    /** One direction's key and its text. */
    private static final class Entry {
        final long srcHigh;
        final long srcLow;
        final long dstHigh;
        final long dstLow;
        final long srcMac;
        final long dstMac;
        final int ports;
        final int kind;
        final byte[] text;

        Entry(
                long srcHigh,
                long srcLow,
                long dstHigh,
                long dstLow,
                long srcMac,
                long dstMac,
                int ports,
                int kind,
                byte[] text) {
            this.srcHigh = srcHigh;
            this.srcLow = srcLow;
            this.dstHigh = dstHigh;
            this.dstLow = dstLow;
            this.srcMac = srcMac;
            this.dstMac = dstMac;
            this.ports = ports;
            this.kind = kind;
            this.text = text;
        }
    }

    private final Entry[] entries = new Entry[SLOTS];
    private final byte[] scratch = new byte[512];
    private final byte[] macText = new byte[19];

    /**
     * The text for these endpoints; {@code protocolId} and {@code directionId} are the quoted JSON
     * ids of {@code kind}'s protocol and direction ({@code kind} tells them apart in the key).
     */
    byte[] text(
            long srcHigh,
            long srcLow,
            long dstHigh,
            long dstLow,
            int srcPort,
            int dstPort,
            long srcMac,
            long dstMac,
            int kind,
            byte[] protocolId,
            byte[] directionId) {
        int ports = (srcPort << 16) | (dstPort & 0xFFFF);
        long h = (srcLow * 0x9E37_79B9_7F4A_7C15L + dstLow) * 0xC2B2_AE3D_27D4_EB4FL + ports * 31L + kind;
        int slot = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SLOTS - 1);
        Entry e = entries[slot];
        if (e != null
                && e.srcLow == srcLow
                && e.dstLow == dstLow
                && e.ports == ports
                && e.kind == kind
                && e.srcHigh == srcHigh
                && e.dstHigh == dstHigh
                && e.srcMac == srcMac
                && e.dstMac == dstMac) {
            return e.text;
        }
        byte[] text =
                build(srcHigh, srcLow, dstHigh, dstLow, srcPort, dstPort, srcMac, dstMac, protocolId, directionId);
        entries[slot] = new Entry(srcHigh, srcLow, dstHigh, dstLow, srcMac, dstMac, ports, kind, text);
        return text;
    }

    private byte[] build(
            long srcHigh,
            long srcLow,
            long dstHigh,
            long dstLow,
            int srcPort,
            int dstPort,
            long srcMac,
            long dstMac,
            byte[] protocolId,
            byte[] directionId) {
        int n = put(SRC, 0);
        n = put(ascii(new IpAddress(srcHigh, srcLow).toString()), n);
        n = put(DST, n);
        n = put(ascii(new IpAddress(dstHigh, dstLow).toString()), n);
        n = put(SPORT, n);
        n = put(ascii(Integer.toString(srcPort)), n);
        n = put(ObservationWriter.DPORT, n);
        n = put(ascii(Integer.toString(dstPort)), n);
        if (srcMac >= 0) {
            n = put(ObservationWriter.SRC_MAC, n);
            MacText.quoted(srcMac, macText);
            n = put(macText, n);
        }
        if (dstMac >= 0) {
            n = put(ObservationWriter.DST_MAC, n);
            MacText.quoted(dstMac, macText);
            n = put(macText, n);
        }
        n = put(ObservationWriter.PROTOCOL, n);
        n = put(protocolId, n);
        n = put(ObservationWriter.DIRECTION, n);
        n = put(directionId, n);
        n = put(ObservationWriter.FUNCTION, n);
        return Arrays.copyOf(scratch, n);
    }

    private int put(byte[] bytes, int at) {
        System.arraycopy(bytes, 0, scratch, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
