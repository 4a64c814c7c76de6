package io.isthmus.wire.s7.s7commplus;

import io.isthmus.wire.Anomaly;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises S7comm-plus (protocol id 0x72, S7-1200/1500) frames without decoding their object
 * model: header (id, version, 16-bit data length), the integrity part of version 3 (a digest
 * length and digest), then opcode, function code and sequence number. A message longer than one
 * frame is sent as frames without the 4-octet trailer until the last one; the decoder remembers
 * that it is inside such a message (bounded by a frame count) so the following frames are not
 * mistaken for new messages.
 */
public final class S7CommPlusDecoder {

    /** Protocol id of S7comm-plus in the first octet. */
    public static final int PROTOCOL_ID = 0x72;

    private static final int HEADER = 4;
    private static final int TRAILER = 4;
    private static final int VERSION_3 = 0x03;
    private static final int EXTENDED_KEEP_ALIVE = 0xFE;
    private static final int KEEP_ALIVE = 0xFF;

    private final int maxFragments;
    private int fragments;

    public S7CommPlusDecoder(int maxFragments) {
        this.maxFragments = maxFragments;
    }

    /** Decodes the frame in {@code [at, at + length)} of {@code b} (absolute indexes, not moved). */
    public S7CommPlusDecode decode(ByteBuffer b, int at, int length) {
        if (length < HEADER) {
            return new S7CommPlusDecode.Invalid(S7CommPlusError.HEADER_TRUNCATED, at, length);
        }
        int version = u8(b, at + 1);
        if (version == KEEP_ALIVE || version == EXTENDED_KEEP_ALIVE) {
            return new S7CommPlusDecode.Decoded(
                    new S7CommPlusFrame.KeepAlive(version, version == KEEP_ALIVE ? u8(b, at + 2) : -1), List.of());
        }
        boolean trailer = length >= HEADER + u16(b, at + 2) + TRAILER;
        if (fragments > 0) {
            return continuation(trailer, at);
        }
        return first(b, at, length, version, trailer);
    }

    /** Forgets a message in progress (a new connection, a broken TSDU). */
    public void reset() {
        fragments = 0;
    }

    private S7CommPlusDecode continuation(boolean trailer, int at) {
        fragments = trailer ? 0 : fragments + 1;
        if (fragments > maxFragments) {
            int count = fragments;
            fragments = 0;
            return new S7CommPlusDecode.Invalid(S7CommPlusError.FRAGMENTS_UNTERMINATED, at, count);
        }
        return new S7CommPlusDecode.Continuation();
    }

    private S7CommPlusDecode first(ByteBuffer b, int at, int length, int version, boolean trailer) {
        int dataLength = u16(b, at + 2);
        int end = at + length;
        List<Anomaly> anomalies = new ArrayList<>();
        boolean overlong = HEADER + dataLength > length;
        if (overlong) {
            anomalies.add(S7CommPlusError.LENGTH_EXCEEDS_FRAME.anomaly(
                    "data length " + dataLength + ", frame holds " + (length - HEADER)));
        }
        int p = at + HEADER;
        if (version == VERSION_3 && p < end) {
            p += 1 + u8(b, p);
        }
        if (p >= end) {
            return new S7CommPlusDecode.Invalid(S7CommPlusError.HEADER_TRUNCATED, Math.min(p, end), length);
        }
        int opcodeCode = u8(b, p);
        S7CommPlusOpcode opcode = S7CommPlusOpcode.of(opcodeCode);
        boolean hasFunction = opcode != S7CommPlusOpcode.NOTIFICATION;
        if (hasFunction && p + 5 > end) {
            return new S7CommPlusDecode.Invalid(S7CommPlusError.HEADER_TRUNCATED, p, length);
        }
        int function = hasFunction ? u16(b, p + 3) : -1;
        int sequence = hasFunction && p + 9 <= end ? u16(b, p + 7) : -1;
        if (!trailer && !overlong) {
            fragments = 1;
        }
        return new S7CommPlusDecode.Decoded(
                new S7CommPlusFrame.Data(
                        version, dataLength, opcode, opcodeCode, function, sequence, trailer || overlong),
                anomalies);
    }

    private static int u8(ByteBuffer b, int at) {
        return b.get(at) & 0xFF;
    }

    private static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }
}
