package io.isthmus.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.isthmus.wire.capture.CaptureFeed.Result;
import io.isthmus.wire.capture.CaptureRecord.Malformed;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A truncated or corrupt capture: every packet before the damage is reported, then exactly one
 * error naming the byte offset and why (issue 3, "Hostile input").
 */
class CaptureDamageTest {
    private static final String PCAP = "modbus__ITI__modbusSmall.pcap";
    private static final String PCAPNG = "profinet__cisagov-pnio__profinet_io_cm_read.pcapng";
    /** modbusSmall: 24-byte header, then 16 + 74 bytes for packet 1, so packet 2 starts here. */
    private static final int PCAP_RECORD_2 = 24 + 16 + 74;

    static Stream<Arguments> damaged() {
        return Stream.of(
                damaged("an empty input", () -> new byte[0], 0, CaptureError.EMPTY, 0),
                damaged(
                        "three bytes",
                        () -> new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2},
                        0,
                        CaptureError.TRUNCATED,
                        0),
                damaged(
                        "text instead of a capture",
                        () -> "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII),
                        0,
                        CaptureError.UNKNOWN_FORMAT,
                        0),
                damaged("a gzip file", () -> new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}, 0, CaptureError.COMPRESSED, 0),
                damaged("pcap cut inside the file header", () -> cut(pcap(), 10), 0, CaptureError.TRUNCATED, 0),
                damaged(
                        "pcap cut inside a record header",
                        () -> cut(pcap(), PCAP_RECORD_2 + 5),
                        1,
                        CaptureError.TRUNCATED,
                        PCAP_RECORD_2),
                damaged(
                        "pcap cut inside packet data",
                        () -> cut(pcap(), PCAP_RECORD_2 + 16 + 10),
                        1,
                        CaptureError.TRUNCATED,
                        PCAP_RECORD_2),
                damaged("pcap version 3", () -> patchLe16(pcap(), 4, 3), 0, CaptureError.UNSUPPORTED_VERSION, 4),
                damaged(
                        "pcap record claiming 2 GB",
                        () -> patchLe32(pcap(), PCAP_RECORD_2 + 8, 0x7FFF_FFFF),
                        1,
                        CaptureError.RECORD_TOO_LARGE,
                        PCAP_RECORD_2),
                damaged(
                        "pcap record claiming 300 KiB",
                        () -> patchLe32(pcap(), PCAP_RECORD_2 + 8, 300 * 1024),
                        1,
                        CaptureError.RECORD_TOO_LARGE,
                        PCAP_RECORD_2),
                damaged(
                        "pcapng cut inside a block",
                        () -> cut(pcapng(), block(3) + 30),
                        2,
                        CaptureError.TRUNCATED,
                        block(3)),
                damaged(
                        "pcapng cut inside a block header",
                        () -> cut(pcapng(), block(3) + 6),
                        2,
                        CaptureError.TRUNCATED,
                        block(3)),
                damaged(
                        "pcapng block length that lies",
                        () -> patchLe32(pcapng(), block(3) + 4, length(3) + 4),
                        2,
                        CaptureError.BLOCK_LENGTH_MISMATCH,
                        block(3) + length(3)),
                damaged(
                        "pcapng block claiming 2 GB",
                        () -> patchLe32(pcapng(), block(3) + 4, 0x8000_0000),
                        2,
                        CaptureError.BLOCK_TOO_LARGE,
                        block(3) + 4),
                damaged(
                        "pcapng block claiming 4 GB",
                        () -> patchLe32(pcapng(), block(3) + 4, 0xFFFF_FFF0),
                        2,
                        CaptureError.BLOCK_TOO_LARGE,
                        block(3) + 4),
                damaged(
                        "pcapng block length not a multiple of 4",
                        () -> patchLe32(pcapng(), block(3) + 4, 13),
                        2,
                        CaptureError.BAD_BLOCK_LENGTH,
                        block(3) + 4),
                damaged(
                        "pcapng block length below the minimum",
                        () -> patchLe32(pcapng(), block(3) + 4, 8),
                        2,
                        CaptureError.BAD_BLOCK_LENGTH,
                        block(3) + 4),
                damaged(
                        "pcapng packet on an undeclared interface",
                        () -> patchLe32(pcapng(), block(3) + 8, 7),
                        2,
                        CaptureError.UNKNOWN_INTERFACE,
                        block(3) + 8),
                damaged(
                        "pcapng captured length beyond its block",
                        () -> patchLe32(pcapng(), block(3) + 20, 4000),
                        2,
                        CaptureError.BAD_BLOCK_BODY,
                        block(3) + 20),
                damaged(
                        "pcapng byte-order magic garbled",
                        () -> patchLe32(pcapng(), 8, 0x11223344),
                        0,
                        CaptureError.BAD_BYTE_ORDER_MAGIC,
                        8),
                damaged("pcapng version 2", () -> patchLe16(pcapng(), 12, 2), 0, CaptureError.UNSUPPORTED_VERSION, 12),
                damaged(
                        "pcapng timestamp resolution of 10^-127 s",
                        () -> new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN)
                                .sectionHeader()
                                .interfaceDescription(1, 0, 0x7F, 0)
                                .bytes(),
                        0,
                        CaptureError.BAD_TIMESTAMP_RESOLUTION,
                        28),
                damaged(
                        "pcapng packet before any interface",
                        () -> new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN)
                                .sectionHeader()
                                .enhancedPacket(0, 0, new byte[4], 4)
                                .bytes(),
                        0,
                        CaptureError.UNKNOWN_INTERFACE,
                        36));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void reportsThePacketsBeforeTheDamageThenOneError(
            String name, Supplier<byte[]> capture, int packetsBefore, CaptureError error, long offset) {
        for (int chunk : new int[] {1, 13, 1 << 20}) {
            Result r = CaptureFeed.decode(capture.get(), chunk);
            assertThat(r.packets()).as("chunk %d", chunk).hasSize(packetsBefore);
            assertThat(r.error()).as("chunk %d", chunk).hasValueSatisfying(m -> {
                assertThat(m.error()).isEqualTo(error);
                assertThat(m.byteOffset()).isEqualTo(offset);
                assertThat(m.message()).contains("at byte offset " + offset + ": ");
            });
        }
    }

    @Test
    void refusesMoreInterfacesThanTheLimitPerSection() {
        CaptureLimits oneInterface = new CaptureLimits(256 * 1024, 16 * 1024 * 1024, 1);
        Result r = CaptureFeed.decode(pcapng(), 4096, oneInterface);
        assertThat(r.packets()).isEmpty();
        assertThat(r.error()).map(Malformed::error).contains(CaptureError.TOO_MANY_INTERFACES);
    }

    @Test
    void staysFailedOnceMalformed() {
        CaptureDecoder d = new CaptureDecoder();
        ByteBuffer garbage = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        CaptureRecord first = d.next(garbage);
        assertThat(first).isInstanceOf(Malformed.class);
        assertThat(d.next(ByteBuffer.wrap(pcap()))).isSameAs(first);
        assertThat(d.finish(garbage)).containsSame((Malformed) first);
    }

    @Test
    void aCleanEndNeedsNoError() {
        CaptureDecoder d = new CaptureDecoder();
        ByteBuffer b = ByteBuffer.wrap(new CaptureBytes.Pcap(ByteOrder.BIG_ENDIAN, false, 1).bytes());
        CaptureRecord header = d.next(b);
        b.position(b.position() + ((CaptureRecord.Skipped) header).consumed());
        assertThat(d.next(b)).isEqualTo(new CaptureRecord.NeedMore(16));
        assertThat(d.finish(b)).isEmpty();
    }

    private static Arguments damaged(String name, Supplier<byte[]> bytes, int before, CaptureError e, long offset) {
        return arguments(name, bytes, before, e, offset);
    }

    private static byte[] pcap() {
        return CaptureBytes.resource(PCAP);
    }

    private static byte[] pcapng() {
        return CaptureBytes.resource(PCAPNG);
    }

    /** Start offsets of the pcapng test capture's blocks: SHB, IDB, IDB, then packets. */
    private static List<Integer> blockStarts() {
        byte[] b = pcapng();
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> starts = new ArrayList<>();
        for (int p = 0; p + 12 <= b.length; p += in.getInt(p + 4)) {
            starts.add(p);
        }
        return starts;
    }

    /** The n-th packet block (1-based) of the pcapng test capture. */
    private static int block(int packet) {
        return blockStarts().get(2 + packet);
    }

    private static int length(int packet) {
        return ByteBuffer.wrap(pcapng()).order(ByteOrder.LITTLE_ENDIAN).getInt(block(packet) + 4);
    }

    private static byte[] cut(byte[] b, int length) {
        return Arrays.copyOf(b, length);
    }

    private static byte[] patchLe32(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return b;
    }

    private static byte[] patchLe16(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
        return b;
    }
}
