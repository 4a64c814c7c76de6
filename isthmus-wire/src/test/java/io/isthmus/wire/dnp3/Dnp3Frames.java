package io.isthmus.wire.dnp3;

import io.isthmus.wire.dnp3.link.Crc16Dnp;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Builds DNP3 link frames with correct CRCs for tests that need hostile but well-framed input
 * (64 segments, 2^32-point ranges). The CRC itself is checked against published vectors in
 * Crc16DnpTest.
 */
public final class Dnp3Frames {
    static final int MASTER = 1;
    static final int OUTSTATION = 10;

    private Dnp3Frames() {}

    /** A primary unconfirmed-user-data frame from the master (DIR=1, PRM=1, function 4). */
    static byte[] fromMaster(byte[] userData) {
        return frame(0xC4, OUTSTATION, MASTER, userData);
    }

    /** A primary unconfirmed-user-data frame from the outstation (DIR=0, PRM=1, function 4). */
    static byte[] fromOutstation(byte[] userData) {
        return frame(0x44, MASTER, OUTSTATION, userData);
    }

    /** One segment: the transport header and an application chunk. */
    static byte[] segment(boolean fir, boolean fin, int sequence, byte[] chunk) {
        byte[] out = new byte[chunk.length + 1];
        out[0] = (byte) ((fin ? 0x80 : 0) | (fir ? 0x40 : 0) | (sequence & 0x3F));
        System.arraycopy(chunk, 0, out, 1, chunk.length);
        return out;
    }

    /** A whole application fragment in one FIR+FIN segment from the master. */
    static byte[] request(byte[] fragment) {
        return fromMaster(segment(true, true, 0, fragment));
    }

    /** A link frame (IEEE 1815 clause 9.2) with its header CRC and one CRC per 16-octet block. */
    public static byte[] frame(int control, int destination, int source, byte[] userData) {
        if (userData.length > 250) {
            throw new IllegalArgumentException("a link frame carries at most 250 user-data octets");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = {
            0x05,
            0x64,
            (byte) (5 + userData.length),
            (byte) control,
            (byte) destination,
            (byte) (destination >> 8),
            (byte) source,
            (byte) (source >> 8)
        };
        out.writeBytes(header);
        crc(out, header, 0, header.length);
        for (int i = 0; i < userData.length; i += 16) {
            int n = Math.min(16, userData.length - i);
            out.write(userData, i, n);
            crc(out, userData, i, n);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void crc(ByteArrayOutputStream out, byte[] bytes, int from, int length) {
        int crc = Crc16Dnp.compute(ByteBuffer.wrap(bytes), from, length);
        out.write(crc & 0xFF);
        out.write(crc >> 8);
    }
}
