package io.isthmus.sim.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MirrorPortTest {
    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00.123456789Z");

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void framesBeyondTheQueueAreDroppedAndCountedNotBlockingTheProducer() throws Exception {
        MirrorPort m = MirrorPort.create(new MirrorLimits(4, 1460), () -> T0);
        for (int i = 0; i < 5; i++) {
            m.refused(at("127.0.0.66", 40_000 + i), at("127.0.0.1", 5015)); // two frames each
        }
        assertThat(m.frames()).isEqualTo(4);
        assertThat(m.dropped()).isEqualTo(6);
    }

    @Test
    void theStreamIsAPcapFileWithNanosecondTimestampsThatEndsAfterClose() throws Exception {
        MirrorPort m = MirrorPort.create(MirrorLimits.DEFAULT, () -> T0);
        m.announce(InetAddress.getByName("127.0.0.1"));
        m.close();
        m.announce(InetAddress.getByName("127.0.0.2")); // after close: not mirrored
        byte[] all;
        try (InputStream in = m.stream()) {
            all = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xA1B23C4D);
        assertThat(b.getInt(20)).isEqualTo(1); // Ethernet
        assertThat(b.getInt(24)).isEqualTo((int) T0.getEpochSecond());
        assertThat(b.getInt(28)).isEqualTo(T0.getNano());
        assertThat(b.getInt(32)).isEqualTo(42).isEqualTo(all.length - 40); // one ARP frame
        assertThat(all[40 + 12]).isEqualTo((byte) 0x08);
        assertThat(all[40 + 13]).isEqualTo((byte) 0x06);
        assertThatThrownBy(m::stream).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void longWritesAreCutIntoSegmentsOfTheConfiguredSize() throws Exception {
        MirrorPort m = MirrorPort.create(new MirrorLimits(100, 100), () -> T0);
        TcpConversation c =
                m.open(at("127.0.0.20", 40_001), at("127.0.0.1", 5020)).orElseThrow();
        c.fromClient(new byte[250], 0, 250);
        c.end(TcpConversation.Ending.CLIENT_RESET);
        c.fromServer(new byte[10], 0, 10); // after the end: ignored
        assertThat(m.frames()).isEqualTo(3 + 3 + 1);
    }

    @Test
    void ipv6ConnectionsAreCountedNotFramed() throws Exception {
        MirrorPort m = MirrorPort.create(MirrorLimits.DEFAULT, () -> T0);
        assertThat(m.open(at("::1", 40_000), at("::1", 5020))).isEmpty();
        assertThat(m.unsupported()).isEqualTo(1);
        assertThat(m.frames()).isZero();
    }

    @Test
    void theInternetChecksumOfTheRfc1071ExampleIsItsComplement() {
        byte[] data = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertThat(EthernetFrames.checksum(data, 0, data.length, 0)).isEqualTo(~0xddf2 & 0xFFFF);
    }

    @ParameterizedTest
    @CsvSource({"0, 1460, queueFrames", "4194305, 1460, queueFrames", "16, 0, segmentBytes", "16, 65496, segmentBytes"})
    void limitsOutOfRangeAreRefusedNamingTheField(int frames, int segment, String field) {
        assertThatThrownBy(() -> new MirrorLimits(frames, segment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);
    }
}
