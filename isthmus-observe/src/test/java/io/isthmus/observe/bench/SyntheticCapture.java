package io.isthmus.observe.bench;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A classic pcap made up on the fly (never held in memory), for memory-bound runs: {@code flows}
 * Modbus/TCP conversations, each a new client port, one Read Holding Registers request and its
 * response. Flow {@code i} comes from client {@code 10.x.y.z} number {@code i % clients} (so the
 * capture holds {@code clients} distinct client assets) and goes to server {@code 172.16.0.(i %
 * servers + 1)}, port 502; each client has its own MAC. Packets are 1 ms apart.
 */
public final class SyntheticCapture extends InputStream {
    private static final int FRAME = 14 + 20 + 20 + 12; // request; the response is one byte longer
    private final long flows;
    private final int clients;
    private final int servers;
    private final ByteBuffer buf =
            ByteBuffer.allocate(24 + 2 * (16 + FRAME + 1)).order(ByteOrder.BIG_ENDIAN);
    private long next;
    private boolean header = true;

    public SyntheticCapture(long flows, int clients, int servers) {
        if (flows < 1 || clients < 1 || clients > 1 << 24 || servers < 1 || servers > 254) {
            throw new IllegalArgumentException("flows >= 1, clients in 1..2^24, servers in 1..254; got " + flows + ", "
                    + clients + ", " + servers);
        }
        this.flows = flows;
        this.clients = clients;
        this.servers = servers;
        buf.limit(0);
    }

    /** The bytes of the whole capture. */
    public long size() {
        return 24 + flows * (2 * 16 + 2L * FRAME + 1);
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return buf.get() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len && fill()) {
            int k = Math.min(len - n, buf.remaining());
            buf.get(b, off + n, k);
            n += k;
        }
        return n == 0 ? -1 : n;
    }

    private boolean fill() {
        if (buf.hasRemaining()) {
            return true;
        }
        if (!header && next >= flows) {
            return false;
        }
        buf.clear();
        if (header) {
            buf.order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0xa1b2c3d4)
                    .putShort((short) 2)
                    .putShort((short) 4)
                    .putInt(0)
                    .putInt(0)
                    .putInt(65535)
                    .putInt(1)
                    .order(ByteOrder.BIG_ENDIAN);
            header = false;
        }
        long i = next++;
        int client = (int) (i % clients);
        int clientIp = (10 << 24) | (client + 1);
        int serverIp = (172 << 24) | (16 << 16) | (int) (i % servers + 1);
        long clientMac = 0x02_00_00_00_00_00L | client;
        long serverMac = 0x02_00_00_ff_00_00L | (i % servers);
        int clientPort = 1024 + (int) ((i / clients) % 60_000);
        long t = 1_600_000_000_000L + i * 2; // milliseconds
        int tid = (int) (i & 0xFFFF);
        // request: MBAP(tid, 0, 6, unit 1) + FC 3, address 0, quantity 2
        packet(t, clientMac, serverMac, clientIp, serverIp, clientPort, 502, 1000, 2000, new byte[] {
            (byte) (tid >> 8), (byte) tid, 0, 0, 0, 6, 1, 3, 0, 0, 0, 2
        });
        // response: MBAP(tid, 0, 7, unit 1) + FC 3, 4 bytes
        packet(t + 1, serverMac, clientMac, serverIp, clientIp, 502, clientPort, 2000, 1012, new byte[] {
            (byte) (tid >> 8), (byte) tid, 0, 0, 0, 7, 1, 3, 4, 0, 1, 0, 2
        });
        buf.flip();
        return true;
    }

    private void packet(
            long millis,
            long srcMac,
            long dstMac,
            int srcIp,
            int dstIp,
            int sport,
            int dport,
            int seq,
            int ack,
            byte[] payload) {
        int len = 14 + 20 + 20 + payload.length;
        buf.order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (millis / 1000))
                .putInt((int) (millis % 1000) * 1000)
                .putInt(len)
                .putInt(len)
                .order(ByteOrder.BIG_ENDIAN);
        mac(dstMac);
        mac(srcMac);
        buf.putShort((short) 0x0800);
        int ipStart = buf.position();
        buf.put((byte) 0x45)
                .put((byte) 0)
                .putShort((short) (len - 14))
                .putShort((short) 0)
                .putShort((short) 0x4000);
        buf.put((byte) 64).put((byte) 6).putShort((short) 0).putInt(srcIp).putInt(dstIp);
        int sum = 0;
        for (int k = 0; k < 20; k += 2) {
            sum += buf.getShort(ipStart + k) & 0xFFFF;
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        buf.putShort(ipStart + 10, (short) ~sum);
        buf.putShort((short) sport).putShort((short) dport).putInt(seq).putInt(ack);
        buf.put((byte) 0x50)
                .put((byte) 0x18)
                .putShort((short) 65535)
                .putShort((short) 0)
                .putShort((short) 0);
        buf.put(payload);
    }

    private void mac(long m) {
        buf.putShort((short) (m >>> 32)).putInt((int) m);
    }
}
