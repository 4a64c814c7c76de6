package io.isthmus.observe.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The first bytes of a classic pcap file, up to a limit, ending at a packet boundary. */
public final class PcapPrefix {
    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private PcapPrefix() {}

    public static byte[] read(Path file, long limit) throws IOException {
        byte[] all;
        try (var in = Files.newInputStream(file)) {
            all = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        int magic = b.getInt(0);
        if (magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) {
            throw new IOException(file + " is not a classic pcap file (magic " + Integer.toHexString(magic) + ")");
        }
        int end = GLOBAL_HEADER;
        while (end + RECORD_HEADER <= all.length) {
            long next = (long) end + RECORD_HEADER + Integer.toUnsignedLong(b.getInt(end + 8));
            if (next > all.length) {
                break;
            }
            end = (int) next;
        }
        return Arrays.copyOf(all, end);
    }
}
