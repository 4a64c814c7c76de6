package io.isthmus.wire.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test-side writers of capture files: classic pcap records and pcapng blocks in either byte order,
 * and the shared captures from test resources.
 */
public final class CaptureBytes {
    private CaptureBytes() {}

    /** A capture from {@code src/test/resources/captures/}. */
    public static byte[] resource(String name) {
        try (InputStream in = CaptureBytes.class.getResourceAsStream("/captures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test capture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a classic pcap file. */
    public static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;
        private final boolean nanos;

        public Pcap(ByteOrder order, boolean nanos, int linkType) {
            this.order = order;
            this.nanos = nanos;
            ByteBuffer h = ByteBuffer.allocate(24).order(order);
            h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4);
            h.putInt(0).putInt(0).putInt(262144).putInt(linkType);
            out.writeBytes(h.array());
        }

        public Pcap packet(long seconds, long fraction, byte[] data) {
            return packet(seconds, fraction, data, data.length);
        }

        public Pcap packet(long seconds, long fraction, byte[] data, int originalLength) {
            ByteBuffer h = ByteBuffer.allocate(16).order(order);
            h.putInt((int) seconds).putInt((int) fraction).putInt(data.length).putInt(originalLength);
            out.writeBytes(h.array());
            out.writeBytes(data);
            return this;
        }

        public boolean nanos() {
            return nanos;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Writes pcapng blocks (draft-ietf-opsawg-pcapng 3.1) in one byte order. */
    public static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;

        public Pcapng(ByteOrder order) {
            this.order = order;
        }

        public Pcapng sectionHeader() {
            ByteBuffer b = body(16).putInt(0x1A2B3C4D)
                    .putShort((short) 1)
                    .putShort((short) 0)
                    .putLong(-1);
            return block(0x0A0D0D0A, b);
        }

        /** An interface description with an optional if_tsresol byte (negative for none) and if_tsoffset. */
        public Pcapng interfaceDescription(int linkType, int snapLength, int tsresol, long tsoffset) {
            ByteBuffer b =
                    body(64).putShort((short) linkType).putShort((short) 0).putInt(snapLength);
            if (tsresol >= 0) {
                b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            }
            if (tsoffset != 0) {
                b.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
            }
            b.putInt(0);
            return block(1, b);
        }

        public Pcapng enhancedPacket(int ifId, long ticks, byte[] data, int originalLength) {
            ByteBuffer b = body(20 + data.length + 3)
                    .putInt(ifId)
                    .putInt((int) (ticks >>> 32))
                    .putInt((int) ticks);
            b.putInt(data.length).putInt(originalLength).put(data);
            return block(6, pad(b));
        }

        public Pcapng obsoletePacket(int ifId, long ticks, byte[] data) {
            ByteBuffer b = body(20 + data.length + 3).putShort((short) ifId).putShort((short) 0);
            b.putInt((int) (ticks >>> 32))
                    .putInt((int) ticks)
                    .putInt(data.length)
                    .putInt(data.length)
                    .put(data);
            return block(2, pad(b));
        }

        public Pcapng simplePacket(byte[] data, int originalLength) {
            ByteBuffer b = body(4 + data.length + 3).putInt(originalLength).put(data);
            return block(3, pad(b));
        }

        public Pcapng block(int type, byte[] body) {
            return block(type, body(body.length).put(body));
        }

        /** Raw bytes with no framing: for damaged captures. */
        public Pcapng raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private ByteBuffer body(int capacity) {
            return ByteBuffer.allocate(capacity).order(order);
        }

        private static ByteBuffer pad(ByteBuffer b) {
            while (b.position() % 4 != 0) {
                b.put((byte) 0);
            }
            return b;
        }

        private Pcapng block(int type, ByteBuffer body) {
            int length = 12 + body.position();
            ByteBuffer b = ByteBuffer.allocate(length).order(order);
            b.putInt(type).putInt(length).put(body.array(), 0, body.position()).putInt(length);
            out.writeBytes(b.array());
            return this;
        }
    }
}
