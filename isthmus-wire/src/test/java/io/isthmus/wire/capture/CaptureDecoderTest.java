package io.isthmus.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.isthmus.wire.capture.CaptureFeed.Result;
import io.isthmus.wire.capture.CaptureFeed.Seen;
import io.isthmus.wire.capture.CaptureRecord.BlockKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the shared captures and checks counts and timestamps against tshark 4.0.17, recorded with
 * {@code tshark -r FILE -T fields -e frame.time_epoch -e frame.cap_len} (first and last time, count,
 * sum of captured lengths).
 */
class CaptureDecoderTest {

    static Stream<Arguments> sharedCaptures() {
        return Stream.of(
                arguments(
                        "modbus__ITI__modbusSmall.pcap",
                        CaptureFormat.PCAP_MICROSECONDS,
                        1,
                        166,
                        1400547199_329569000L,
                        1400547255_173919000L,
                        12198),
                arguments(
                        "profinet__cisagov-pnio__profinet_io_cm_read.pcapng",
                        CaptureFormat.PCAPNG,
                        1,
                        18,
                        1287088627_587076000L,
                        1614578459_652418000L,
                        4736),
                arguments(
                        "s7commplus__ITI__S7-1511_db6w0_HMI.pcap",
                        CaptureFormat.PCAPNG,
                        1,
                        18,
                        1411974511_002145000L,
                        1411974511_093553000L,
                        2349),
                arguments(
                        "opcua__cisagov-opcua__open62541_client-server-getEndpoints.pcap",
                        CaptureFormat.PCAPNG,
                        0,
                        22,
                        1629417295_020808000L,
                        1629417295_021976000L,
                        2490),
                arguments(
                        "profinet__ITI__profinet-wireshark-bug.pcap",
                        CaptureFormat.PCAP_MICROSECONDS,
                        1,
                        4,
                        1200565398_895639000L,
                        1200565399_971394000L,
                        362));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCaptures")
    void readsSharedCapturesWithTsharksCountsAndTimestamps(
            String file, CaptureFormat format, int linkType, int count, long first, long last, long capturedBytes) {
        byte[] capture = CaptureBytes.resource(file);
        Result r = CaptureFeed.decode(capture, 4096);

        assertThat(r.error()).isEmpty();
        assertThat(r.packets()).hasSize(count);
        assertThat(r.packets().getFirst().timestampNanos()).isEqualTo(first);
        assertThat(r.packets().getLast().timestampNanos()).isEqualTo(last);
        assertThat(r.packets().stream().mapToLong(s -> s.data().length).sum()).isEqualTo(capturedBytes);
        assertThat(r.packets()).allMatch(s -> s.linkTypeCode() == linkType);
        CaptureDecoder d = new CaptureDecoder();
        d.next(ByteBuffer.wrap(capture));
        assertThat(d.format()).contains(format);
    }

    @Test
    void readsTheSecondInterfaceOfATwoInterfaceNanosecondPcapng() {
        // tshark -e frame.interface_id: all 18 packets of profinet_io_cm_read are on interface 1.
        Result r = CaptureFeed.decode(CaptureBytes.resource("profinet__cisagov-pnio__profinet_io_cm_read.pcapng"), 512);
        assertThat(r.packets()).allMatch(s -> s.interfaceId() == 1);
        assertThat(r.skipped())
                .extracting(CaptureRecord.Skipped::kind)
                .containsExactly(
                        BlockKind.SECTION_HEADER, BlockKind.INTERFACE_DESCRIPTION, BlockKind.INTERFACE_DESCRIPTION);
        assertThat(r.packets().get(1).timestampNanos()).isEqualTo(1287088627_589136000L);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 5, 7, 16, 17, 100, 333, 1 << 20})
    void everyChunkSplitOfAStreamGivesTheSamePackets(int chunk) {
        for (String file : new String[] {
            "profinet__cisagov-pnio__profinet_io_cm_read.pcapng",
            "s7commplus__ITI__S7-1511_db6w0_HMI.pcap",
            "profinet__ITI__profinet-wireshark-bug.pcap"
        }) {
            byte[] capture = CaptureBytes.resource(file);
            Result whole = CaptureFeed.decode(capture, capture.length);
            Result split = CaptureFeed.decode(capture, chunk);
            assertThat(split.error()).as(file).isEmpty();
            assertThat(CaptureFeed.fingerprint(split)).as(file).isEqualTo(CaptureFeed.fingerprint(whole));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"heap", "read-only", "direct", "sliced"})
    void readsPcapRecordsTheSameFromEveryKindOfBuffer(String kind) {
        // The record header is read from a heap buffer's array after one bounds check; any other
        // buffer has it copied first. Both must give every packet, in either byte order.
        byte[] le = CaptureBytes.resource("modbus__ITI__modbusSmall.pcap");
        for (byte[] capture : new byte[][] {le, CaptureRewrite.pcap(le, true, false)}) {
            ByteBuffer heap = ByteBuffer.wrap(capture);
            ByteBuffer in = switch (kind) {
                case "heap" -> heap;
                case "read-only" -> heap.asReadOnlyBuffer();
                case "direct" ->
                    ByteBuffer.allocateDirect(capture.length).put(capture).clear();
                default ->
                    ByteBuffer.allocate(capture.length + 7)
                            .position(7)
                            .slice()
                            .put(capture)
                            .clear();
            };
            assertThat(timestamps(in)).isEqualTo(timestamps(ByteBuffer.wrap(le)));
        }
    }

    /** Every packet's timestamp, captured length and first byte, the whole capture in one buffer. */
    private static java.util.List<String> timestamps(ByteBuffer in) {
        CaptureDecoder decoder = new CaptureDecoder();
        java.util.List<String> seen = new java.util.ArrayList<>();
        while (true) {
            switch (decoder.next(in)) {
                case CaptureRecord.Packet p -> {
                    seen.add(p.timestampNanos() + "/" + p.capturedLength() + "/" + p.originalLength() + "/"
                            + in.get(p.dataOffset()));
                    in.position(in.position() + p.consumed());
                }
                case CaptureRecord.Skipped s -> in.position(in.position() + s.consumed());
                case CaptureRecord.NeedMore n -> {
                    assertThat(decoder.finish(in)).isEmpty();
                    assertThat(seen).hasSize(166);
                    return seen;
                }
                case CaptureRecord.Malformed m -> throw new AssertionError(m.message());
            }
        }
    }

    @Test
    void readsBigEndianPcapAsTheSamePackets() {
        byte[] le = CaptureBytes.resource("modbus__ITI__modbusSmall.pcap");
        byte[] be = CaptureRewrite.pcap(le, true, false);
        assertThat(be[0]).isEqualTo((byte) 0xA1);
        assertThat(CaptureFeed.fingerprint(CaptureFeed.decode(be, 999)))
                .isEqualTo(CaptureFeed.fingerprint(CaptureFeed.decode(le, 999)));
    }

    @ParameterizedTest(name = "big-endian {0}")
    @ValueSource(booleans = {false, true})
    void readsNanosecondPcapWithTheSameInstants(boolean bigEndian) {
        byte[] le = CaptureBytes.resource("modbus__ITI__modbusSmall.pcap");
        byte[] nano = CaptureRewrite.pcap(le, bigEndian, true);
        Result r = CaptureFeed.decode(nano, 4096);
        assertThat(r.error()).isEmpty();
        assertThat(CaptureFeed.fingerprint(r)).isEqualTo(CaptureFeed.fingerprint(CaptureFeed.decode(le, 4096)));
        CaptureDecoder d = new CaptureDecoder();
        d.next(ByteBuffer.wrap(nano));
        assertThat(d.format()).contains(CaptureFormat.PCAP_NANOSECONDS);
    }

    @Test
    void keepsSubMicrosecondDigitsOfANanosecondPcap() {
        byte[] nano = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, true, 1)
                .packet(1_700_000_000L, 123_456_789L, new byte[60])
                .bytes();
        assertThat(CaptureFeed.decode(nano, 7).packets().getFirst().timestampNanos())
                .isEqualTo(1_700_000_000_123_456_789L);
    }

    @Test
    void readsBigEndianPcapngAsTheSamePackets() {
        for (String file : new String[] {
            "profinet__cisagov-pnio__profinet_io_cm_read.pcapng", "s7commplus__ITI__S7-1511_db6w0_HMI.pcap"
        }) {
            byte[] le = CaptureBytes.resource(file);
            byte[] be = CaptureRewrite.pcapngToBigEndian(le);
            Result r = CaptureFeed.decode(be, 100);
            assertThat(r.error()).as(file).isEmpty();
            assertThat(CaptureFeed.fingerprint(r))
                    .as(file)
                    .isEqualTo(CaptureFeed.fingerprint(CaptureFeed.decode(le, 100)));
        }
    }

    @Test
    void concatenatedSectionsOfEitherByteOrderStartTheirInterfacesAfresh() {
        // pcapng 4.1: a new section header starts a new section; interface ids restart in it.
        byte[] first = CaptureBytes.resource("profinet__cisagov-pnio__profinet_io_cm_read.pcapng");
        byte[] second =
                CaptureRewrite.pcapngToBigEndian(CaptureBytes.resource("s7commplus__ITI__S7-1511_db6w0_HMI.pcap"));
        byte[] both = concat(first, second);

        Result r = CaptureFeed.decode(both, 300);

        assertThat(r.error()).isEmpty();
        assertThat(r.packets()).hasSize(36);
        assertThat(r.packets().subList(0, 18)).allMatch(s -> s.interfaceId() == 1);
        assertThat(r.packets().subList(18, 36)).allMatch(s -> s.interfaceId() == 0);
        assertThat(r.packets().get(18).timestampNanos()).isEqualTo(1411974511_002145000L);
    }

    @Test
    void skipsUnknownAndCustomBlocksByTheirLength() {
        byte[] capture = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader()
                .interfaceDescription(1, 0, -1, 0)
                .block(0x0BAD, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .enhancedPacket(0, 1_000_000L, new byte[] {9, 9, 9}, 3)
                .block(0x7777, new byte[12])
                .block(5, new byte[12])
                .enhancedPacket(0, 2_000_000L, new byte[] {8}, 1)
                .bytes();

        Result r = CaptureFeed.decode(capture, 5);

        assertThat(r.error()).isEmpty();
        assertThat(r.packets()).extracting(Seen::timestampNanos).containsExactly(1_000_000_000L, 2_000_000_000L);
        assertThat(r.skipped())
                .extracting(CaptureRecord.Skipped::kind)
                .containsExactly(
                        BlockKind.SECTION_HEADER,
                        BlockKind.INTERFACE_DESCRIPTION,
                        BlockKind.CUSTOM,
                        BlockKind.UNKNOWN,
                        BlockKind.INTERFACE_STATISTICS);
    }

    @Test
    void simplePacketBlocksBelongToInterfaceZeroAndAreCutToItsSnapLength() {
        // pcapng 4.4: captured length = min(original length, snap length, block body).
        byte[] capture = new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN)
                .sectionHeader()
                .interfaceDescription(101, 4, -1, 0)
                .enhancedPacket(0, 5_000_000L, new byte[] {1}, 1)
                .simplePacket(new byte[] {0x45, 0, 0, 20}, 1500)
                .bytes();

        Result r = CaptureFeed.decode(capture, 3);

        assertThat(r.packets()).hasSize(2);
        Seen simple = r.packets().get(1);
        assertThat(simple.originalLength()).isEqualTo(1500);
        assertThat(simple.data()).containsExactly(0x45, 0, 0, 20);
        assertThat(simple.timestampNanos()).as("the last timestamp seen").isEqualTo(5_000_000_000L);
    }

    @Test
    void obsoletePacketBlocksAreReadLikeEnhancedOnes() {
        byte[] capture = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader()
                .interfaceDescription(1, 0, 9, 0)
                .obsoletePacket(0, 1_500_000_000_000_000_001L, new byte[] {1, 2, 3, 4, 5})
                .bytes();
        Seen p = CaptureFeed.decode(capture, 1).packets().getFirst();
        assertThat(p.timestampNanos()).isEqualTo(1_500_000_000_000_000_001L);
        assertThat(p.data()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void appliesBinaryTimestampResolutionAndTheInterfaceOffset() {
        // if_tsresol 0x94: 2^-20 s; if_tsoffset 1000 s (pcapng 4.2).
        long ticks = (1_600_000_000L << 20) | (1L << 19);
        byte[] capture = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader()
                .interfaceDescription(1, 0, 0x80 | 20, 1000)
                .enhancedPacket(0, ticks, new byte[14], 14)
                .bytes();
        assertThat(CaptureFeed.decode(capture, 64).packets().getFirst().timestampNanos())
                .isEqualTo(1_600_001_000_500_000_000L);
    }

    @Test
    void readsTheModifiedPcapFormatsLongerRecordHeaders() {
        ByteBuffer b = ByteBuffer.allocate(24 + 24 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2CD34)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(1);
        b.putInt(10).putInt(20).putInt(4).putInt(4).putLong(0).put(new byte[] {1, 2, 3, 4});
        Result r = CaptureFeed.decode(b.array(), 9);
        assertThat(r.error()).isEmpty();
        assertThat(r.packets()).singleElement().satisfies(s -> {
            assertThat(s.timestampNanos()).isEqualTo(10_000_020_000L);
            assertThat(s.data()).containsExactly(1, 2, 3, 4);
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
