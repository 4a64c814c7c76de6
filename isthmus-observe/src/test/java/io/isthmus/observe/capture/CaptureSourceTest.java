package io.isthmus.observe.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.wire.capture.CaptureBytes;
import io.isthmus.wire.capture.CaptureError;
import io.isthmus.wire.capture.CaptureLimits;
import io.isthmus.wire.capture.CaptureRecord.Malformed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture input from files, gzip files and streams. Reference: modbusSmall has 166 packets from
 * 1400547199.329569 to 1400547255.173919 (capinfos, tshark -e frame.time_epoch).
 */
class CaptureSourceTest {
    private static final String CAPTURE = "modbus__ITI__modbusSmall.pcap";
    private static final long FIRST = 1400547199_329569000L;
    private static final long LAST = 1400547255_173919000L;

    @TempDir
    Path dir;

    @Test
    void readsAFileAndReportsProgressAgainstItsSize() throws IOException {
        byte[] bytes = CaptureBytes.resource(CAPTURE);
        Path file = Files.write(dir.resolve("c.pcap"), bytes);
        try (CaptureSource source = CaptureSource.open(file.toString(), CaptureLimits.DEFAULT)) {
            List<Long> times = times(source);
            assertThat(times).hasSize(166);
            assertThat(times.getFirst()).isEqualTo(FIRST);
            assertThat(times.getLast()).isEqualTo(LAST);
            assertThat(source.failure()).isEmpty();
            assertThat(source.compressed()).isFalse();
            assertThat(source.progress())
                    .isEqualTo(new CaptureProgress(bytes.length, OptionalLong.of(bytes.length), 166));
            assertThat(source.progress().fraction()).hasValue(1.0);
        }
    }

    @Test
    void readsAGzipFileRecognisedByItsMagic() throws IOException {
        byte[] gz = gzip(CaptureBytes.resource(CAPTURE));
        Path file = Files.write(dir.resolve("c.pcap.anything"), gz);
        try (CaptureSource source = CaptureSource.open(file, CaptureLimits.DEFAULT)) {
            List<Long> times = times(source);
            assertThat(times).hasSize(166).endsWith(LAST);
            assertThat(source.compressed()).isTrue();
            assertThat(source.failure()).isEmpty();
            assertThat(source.progress().bytesRead()).as("compressed bytes").isEqualTo(gz.length);
        }
    }

    @Test
    void readsAStreamThatDeliversAFewBytesAtATime() throws IOException {
        byte[] pcapng = CaptureBytes.resource("profinet__cisagov-pnio__profinet_io_cm_read.pcapng");
        try (CaptureSource source = CaptureSource.of(trickle(pcapng), OptionalLong.empty(), CaptureLimits.DEFAULT)) {
            assertThat(times(source)).hasSize(18).endsWith(1614578459_652418000L);
            assertThat(source.failure()).isEmpty();
            assertThat(source.progress().fraction()).isEmpty();
            assertThat(source.progress().bytesRead()).isEqualTo(pcapng.length);
        }
    }

    @Test
    void readsStandardInputForADash() throws IOException {
        InputStream stdin = System.in;
        try {
            byte[] gz = gzip(CaptureBytes.resource(CAPTURE));
            System.setIn(trickle(gz));
            try (CaptureSource source = CaptureSource.open("-", CaptureLimits.DEFAULT)) {
                assertThat(times(source)).hasSize(166);
                assertThat(source.progress().totalBytes()).isEmpty();
                assertThat(source.progress().bytesRead()).as("compressed bytes").isEqualTo(gz.length);
            }
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void neverWaitsOnAStreamForMoreThanTheNextRecordNeeds() throws IOException {
        byte[] bytes = CaptureBytes.resource(CAPTURE);
        int threeRecords = 24 + 3 * 16 + recordLengths(bytes, 3);
        // a pipe that has written three records so far: a fourth read would block
        InputStream pipe = new InputStream() {
            private int at;

            @Override
            public int read() {
                throw new AssertionError("single-byte reads are not expected");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == threeRecords) {
                    throw new IllegalStateException("would block");
                }
                int n = Math.min(len, threeRecords - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
        try (CaptureSource source = CaptureSource.of(pipe, OptionalLong.empty(), CaptureLimits.DEFAULT)) {
            for (int i = 0; i < 3; i++) {
                assertThat(source.advance()).isTrue();
            }
            assertThat(source.packet().timestampNanos()).isGreaterThan(FIRST);
            assertThat(source.progress().bytesRead()).isEqualTo(threeRecords);
            assertThatThrownBy(source::advance).hasMessage("would block");
        }
    }

    @Test
    void readsConcatenatedGzipMembers() throws IOException {
        byte[] bytes = CaptureBytes.resource(CAPTURE);
        int half = 24 + 16 * 80 + recordLengths(bytes, 80);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip(Arrays.copyOf(bytes, half)));
        both.write(gzip(Arrays.copyOfRange(bytes, half, bytes.length)));
        byte[] gz = both.toByteArray();
        try (CaptureSource source = source(gz)) {
            assertThat(times(source)).hasSize(166).endsWith(LAST);
            assertThat(source.failure()).isEmpty();
            assertThat(source.progress().bytesRead()).isEqualTo(gz.length);
        }
    }

    @Test
    void readsACaptureOfAnotherFileSystem() throws IOException {
        byte[] bytes = CaptureBytes.resource(CAPTURE);
        Path zip = dir.resolve("captures.zip");
        try (FileSystem zipfs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path inside = Files.write(zipfs.getPath("c.pcap"), bytes);
            try (CaptureSource source = CaptureSource.open(inside, CaptureLimits.DEFAULT)) {
                assertThat(times(source)).hasSize(166).endsWith(LAST);
                assertThat(source.progress())
                        .isEqualTo(new CaptureProgress(bytes.length, OptionalLong.of(bytes.length), 166));
            }
        }
    }

    @Test
    void namesAMissingFileAsJavaNioDoes() {
        assertThatThrownBy(() -> CaptureSource.open(dir.resolve("absent.pcap"), CaptureLimits.DEFAULT))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void reportsThePacketsBeforeATruncationThenWhere() throws IOException {
        byte[] cut = Arrays.copyOf(CaptureBytes.resource(CAPTURE), 24 + 90 + 50);
        try (CaptureSource source = source(cut)) {
            assertThat(times(source)).containsExactly(FIRST);
            assertThat(source.failure()).hasValueSatisfying(m -> {
                assertThat(m.error()).isEqualTo(CaptureError.TRUNCATED);
                assertThat(m.byteOffset()).isEqualTo(24 + 90);
            });
        }
    }

    @Test
    void reportsATruncatedGzipStreamAfterThePacketsItHeld() throws IOException {
        byte[] gz = gzip(CaptureBytes.resource(CAPTURE));
        try (CaptureSource source = source(Arrays.copyOf(gz, gz.length / 2))) {
            List<Long> times = times(source);
            assertThat(times).isNotEmpty().hasSizeLessThan(166);
            assertThat(source.failure()).map(Malformed::error).contains(CaptureError.COMPRESSED_STREAM_DAMAGED);
        }
    }

    @Test
    void refusesABlockClaiming2GbWithoutWaitingForIt() throws IOException {
        byte[] pcapng = CaptureBytes.resource("profinet__cisagov-pnio__profinet_io_cm_read.pcapng");
        int firstPacketBlock = 0;
        for (int block = 0; block < 3; block++) { // section header and two interface descriptions
            firstPacketBlock += blockLength(pcapng, firstPacketBlock);
        }
        ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN).putInt(firstPacketBlock + 4, 0x8000_0000);
        try (CaptureSource source = source(pcapng)) {
            assertThat(times(source)).isEmpty();
            assertThat(source.failure()).map(Malformed::error).contains(CaptureError.BLOCK_TOO_LARGE);
            assertThat(source.buffer().capacity()).isLessThanOrEqualTo(CaptureLimits.DEFAULT.maxRecordBytes());
        }
    }

    @Test
    void growsItsBufferForABlockLargerThanTheFirstOne() throws IOException {
        byte[] big = new byte[3 << 20];
        byte[] capture = new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN)
                .sectionHeader()
                .interfaceDescription(1, 0, -1, 0)
                .block(0x0BAD, big)
                .enhancedPacket(0, 42_000_000L, new byte[] {1, 2, 3}, 3)
                .bytes();
        try (CaptureSource source = source(capture)) {
            assertThat(times(source)).containsExactly(42_000_000_000L);
            assertThat(source.failure()).isEmpty();
        }
    }

    @Test
    void reportsAnEmptyInput() throws IOException {
        try (CaptureSource source = source(new byte[0])) {
            assertThat(source.advance()).isFalse();
            assertThat(source.failure()).map(Malformed::error).contains(CaptureError.EMPTY);
        }
    }

    @Test
    void itsPacketCountTrailsByLessThan1024WhileReadingAndIsExactAtTheEnd() throws IOException {
        int records = 5_000;
        ByteBuffer pcap = ByteBuffer.allocate(24 + records * 17).order(ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xA1B2C3D4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0);
        pcap.putInt(65535).putInt(1);
        for (int i = 0; i < records; i++) {
            pcap.putInt(i).putInt(0).putInt(1).putInt(1).put((byte) i);
        }
        try (CaptureSource source = source(pcap.array())) {
            long delivered = 0;
            while (source.advance()) {
                delivered++;
                assertThat(source.progress().packets()).isBetween(delivered - 1023, delivered);
            }
            assertThat(delivered).isEqualTo(records);
            assertThat(source.progress().packets()).isEqualTo(records);
        }
        CaptureSource closedEarly = source(pcap.array());
        for (int i = 0; i < 1500; i++) {
            assertThat(closedEarly.advance()).isTrue();
        }
        closedEarly.close();
        assertThat(closedEarly.progress().packets()).isEqualTo(1500);
    }

    private static CaptureSource source(byte[] bytes) throws IOException {
        return CaptureSource.of(new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), CaptureLimits.DEFAULT);
    }

    private static List<Long> times(CaptureSource source) throws IOException {
        List<Long> times = new ArrayList<>();
        while (source.advance()) {
            times.add(source.packet().timestampNanos());
            assertThat(source.packet().dataOffset() + source.packet().capturedLength())
                    .isLessThanOrEqualTo(source.buffer().limit());
        }
        return times;
    }

    /** The captured bytes of the first {@code records} records of a little-endian pcap file. */
    private static int recordLengths(byte[] pcap, int records) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        int sum = 0;
        for (int i = 0; i < records; i++) {
            int captured = b.getInt(at + 8);
            sum += captured;
            at += 16 + captured;
        }
        return sum;
    }

    private static int blockLength(byte[] pcapng, int at) {
        return ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN).getInt(at + 4);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** A stream that returns at most 7 bytes per read, like a pipe from tcpdump. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            private int turn;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + (turn++ % 7)));
            }
        };
    }
}
