package io.isthmus.wire.dnp3.link;

import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;

/**
 * Decodes one DNP3 link frame (IEEE 1815-2012 clause 9) at a buffer's position without moving
 * it. The header CRC is checked before the length is believed, so a forged length never makes us
 * wait for or allocate more than one maximum frame (292 octets); the user-data copy is made only
 * after every block CRC matched.
 */
public final class LinkDecoder {
    private static final int START_1 = 0x05;
    private static final int START_2 = 0x64;
    private static final int HEADER_CRC_INDEX = 8;
    private static final int BLOCK = 16;

    private LinkDecoder() {}

    public static LinkDecoding decode(ByteBuffer buffer) {
        byte[] data = Octets.of(buffer); // read in place, at the buffer's indexes; nothing past its limit
        int base = buffer.position();
        int available = buffer.remaining();
        if (available == 0 || available == 1 && (data[base] & 0xFF) == START_1) {
            return new LinkDecoding.NeedMore(LinkHeader.SIZE - available);
        }
        if (available == 1 || !startsFrame(data, base)) {
            return startMissing(data, base, available);
        }
        if (available < LinkHeader.SIZE) {
            return new LinkDecoding.NeedMore(LinkHeader.SIZE - available);
        }
        if (!Crc16Dnp.matches(data, base, HEADER_CRC_INDEX, base + HEADER_CRC_INDEX)) {
            return new LinkDecoding.Invalid(
                    LinkError.HEADER_CRC, "header CRC mismatch; resynchronising on the next 0x05 0x64", 0, 2);
        }
        LinkHeader header = header(data, base);
        if (header.length() < LinkHeader.MIN_LENGTH) {
            return new LinkDecoding.Invalid(
                    LinkError.LENGTH_INVALID,
                    "length " + header.length() + " is below 5 (control, destination, source)",
                    2,
                    LinkHeader.SIZE);
        }
        int frameLength = header.frameLength();
        if (available < frameLength) {
            return new LinkDecoding.NeedMore(frameLength - available);
        }
        int badBlock = badBlock(data, base, header.userDataLength());
        if (badBlock >= 0) {
            return new LinkDecoding.Invalid(
                    LinkError.DATA_CRC,
                    "CRC mismatch in user-data block " + badBlock + "; the frame's " + header.userDataLength()
                            + " user-data octets are discarded",
                    LinkHeader.SIZE + badBlock * (BLOCK + 2),
                    frameLength);
        }
        return new LinkDecoding.Frame(
                new LinkFrame(header, userData(data, base, 0, header.userDataLength())), frameLength);
    }

    /**
     * The octets a whole, good frame at the buffer's position occupies, or 0 when {@link #decode}
     * would not give a {@link LinkDecoding.Frame} (too few bytes, no start octets, a CRC mismatch,
     * a length below 5). Reads in place and makes nothing: a caller that gets a length reads the
     * frame with {@link #header(ByteBuffer)} and {@link #userData(ByteBuffer, int)}, and on 0 asks
     * {@link #decode} what is wrong.
     */
    public static int goodFrameLength(ByteBuffer buffer) {
        int available = buffer.remaining();
        if (available < LinkHeader.SIZE) {
            return 0;
        }
        byte[] data = Octets.of(buffer);
        int base = buffer.position();
        int length = data[base + 2] & 0xFF;
        if (!startsFrame(data, base)
                || length < LinkHeader.MIN_LENGTH
                || !Crc16Dnp.matches(data, base, HEADER_CRC_INDEX, base + HEADER_CRC_INDEX)) {
            return 0;
        }
        int userDataLength = length - LinkHeader.MIN_LENGTH;
        int frameLength = LinkHeader.frameLength(userDataLength);
        return available >= frameLength && badBlock(data, base, userDataLength) < 0 ? frameLength : 0;
    }

    /** The header of the good frame at the buffer's position ({@link #goodFrameLength} said so). */
    public static LinkHeader header(ByteBuffer buffer) {
        return header(Octets.of(buffer), buffer.position());
    }

    /**
     * {@link LinkHeader#control()} of the good frame at the buffer's position, read in place: with
     * {@link #destination}, {@link #source} and {@link #userDataLength} a caller reads the header
     * without a {@link LinkHeader} per frame.
     */
    public static int control(ByteBuffer buffer) {
        return Octets.u8(Octets.of(buffer), buffer.position() + 3);
    }

    /** {@link LinkHeader#destination()} of the good frame at the buffer's position. */
    public static int destination(ByteBuffer buffer) {
        return u16(Octets.of(buffer), buffer.position() + 4);
    }

    /** {@link LinkHeader#source()} of the good frame at the buffer's position. */
    public static int source(ByteBuffer buffer) {
        return u16(Octets.of(buffer), buffer.position() + 6);
    }

    /** {@link LinkHeader#userDataLength()} of the good frame at the buffer's position. */
    public static int userDataLength(ByteBuffer buffer) {
        return Octets.u8(Octets.of(buffer), buffer.position() + 2) - LinkHeader.MIN_LENGTH;
    }

    /**
     * The user data of the good frame at the buffer's position ({@link #goodFrameLength} said so)
     * from user-data octet {@code from} to its end, without the block CRCs, in a new array: the one
     * copy a segment's payload needs (from 1: after the transport header).
     */
    public static byte[] userData(ByteBuffer buffer, int from) {
        byte[] data = Octets.of(buffer);
        int base = buffer.position();
        int userDataLength = (data[base + 2] & 0xFF) - LinkHeader.MIN_LENGTH;
        return userData(data, base, from, userDataLength);
    }

    /**
     * True when the buffer starts with a complete, plausible link header: the start octets, a
     * matching header CRC and a length of at least 5. Used to recognise DNP3 by content.
     */
    public static boolean isHeader(ByteBuffer buffer) {
        int base = buffer.position();
        byte[] data = Octets.of(buffer);
        return buffer.remaining() >= LinkHeader.SIZE
                && startsFrame(data, base)
                && Crc16Dnp.matches(data, base, HEADER_CRC_INDEX, base + HEADER_CRC_INDEX)
                && (data[base + 2] & 0xFF) >= LinkHeader.MIN_LENGTH;
    }

    /** True when the two bytes at {@code index} are the start octets 0x05 0x64. */
    private static boolean startsFrame(byte[] data, int index) {
        return (data[index] & 0xFF) == START_1 && (data[index + 1] & 0xFF) == START_2;
    }

    private static LinkDecoding startMissing(byte[] data, int base, int available) {
        int skip = 1;
        while (skip < available && !candidateAt(data, base + skip, base + available)) {
            skip++;
        }
        return new LinkDecoding.Invalid(
                LinkError.START_MISSING, skip + " byte(s) before the next 0x05 0x64 start octets", 0, skip);
    }

    /** A frame may start here: 0x05 0x64, or 0x05 as the last byte received so far. */
    private static boolean candidateAt(byte[] data, int index, int end) {
        if ((data[index] & 0xFF) != START_1) {
            return false;
        }
        return index + 1 == end || (data[index + 1] & 0xFF) == START_2;
    }

    private static LinkHeader header(byte[] data, int base) {
        return new LinkHeader(data[base + 2] & 0xFF, data[base + 3] & 0xFF, u16(data, base + 4), u16(data, base + 6));
    }

    /** The first user-data block whose CRC does not match, or -1 when all do. */
    private static int badBlock(byte[] data, int base, int userDataLength) {
        int remaining = userDataLength;
        int at = base + LinkHeader.SIZE;
        for (int block = 0; remaining > 0; block++) {
            int size = Math.min(BLOCK, remaining);
            if (!Crc16Dnp.matches(data, at, size, at + size)) {
                return block;
            }
            at += size + 2;
            remaining -= size;
        }
        return -1;
    }

    /**
     * User-data octets {@code from} up to {@code userDataLength} without the block CRCs: a block
     * (or the rest of one) at a time.
     */
    private static byte[] userData(byte[] data, int base, int from, int userDataLength) {
        byte[] out = new byte[Math.max(0, userDataLength - from)];
        int block = from / BLOCK;
        int in = from % BLOCK;
        int at = base + LinkHeader.SIZE + block * (BLOCK + 2) + in;
        for (int i = 0; i < out.length; ) {
            int size = Math.min(BLOCK - in, out.length - i);
            System.arraycopy(data, at, out, i, size);
            i += size;
            at += size + 2; // the block's CRC
            in = 0;
        }
        return out;
    }

    private static int u16(byte[] data, int index) {
        return Octets.u16le(data, index);
    }
}
