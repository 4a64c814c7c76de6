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
 * and its text is built again (the same bytes), from cached address texts. Only for messages with
 * IP addresses; frames without IP (PROFINET DCP) take the writer's field-by-field path. Not
 * thread-safe.
 */
final class EndpointTexts {
    /**
     * Entries (a power of two): a few MB at most. The benchmark capture has some 90,000 directions
     * (a text is built for one line in twenty; twice the entries, two-way, saved only 3 % of the
     * builds).
     */
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

    /** Slots of the address text cache: 1,024 (a few hundred addresses in a plant capture). */
    private static final int ADDRESS_SLOT_BITS = 10;

    private final Entry[] entries = new Entry[SLOTS];
    private final long[] addressHighs = new long[1 << ADDRESS_SLOT_BITS];
    private final long[] addressLows = new long[1 << ADDRESS_SLOT_BITS];
    private final byte[][] addressTexts = new byte[1 << ADDRESS_SLOT_BITS][];
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
        n = put(address(srcHigh, srcLow), n);
        n = put(DST, n);
        n = put(address(dstHigh, dstLow), n);
        n = put(SPORT, n);
        n = decimal(srcPort, n);
        n = put(ObservationWriter.DPORT, n);
        n = decimal(dstPort, n);
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

    /**
     * An address's text, from a small direct-mapped cache: a capture has far fewer addresses than
     * directions (214 address texts made on the benchmark capture, where a direction's text was
     * built ~92,000 times, before with two new address strings each).
     */
    private byte[] address(long high, long low) {
        long h = (high * 0x9E37_79B9_7F4A_7C15L + low) * 0xC2B2_AE3D_27D4_EB4FL;
        int slot = (int) (h >>> (64 - ADDRESS_SLOT_BITS));
        byte[] text = addressTexts[slot];
        if (text != null && addressHighs[slot] == high && addressLows[slot] == low) {
            return text;
        }
        text = ascii(new IpAddress(high, low).toString());
        addressHighs[slot] = high;
        addressLows[slot] = low;
        addressTexts[slot] = text;
        return text;
    }

    /** {@code v} (a port, 0..65535) in decimal at {@code at}. */
    private int decimal(int v, int at) {
        if (v < 0 || v > 99_999) {
            return put(ascii(Integer.toString(v)), at);
        }
        int digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
        for (int i = at + digits - 1; i >= at; i--) {
            scratch[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }

    private int put(byte[] bytes, int at) {
        System.arraycopy(bytes, 0, scratch, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
