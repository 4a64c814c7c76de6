package io.isthmus.observe.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.Direction;
import io.isthmus.wire.capture.LinkType;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.Frames;
import io.isthmus.wire.packet.PacketDecoder;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Fuzzed TCP segments and IPv4/IPv6 fragments: nothing throws, every memory bound of {@link FlowLimits}
 * holds after every packet, no byte is delivered twice, and closing the table frees every held
 * byte. Seeds: {@code ReassemblyFuzzTestInputs/<method>/}.
 */
class ReassemblyFuzzTest {
    private static final int PER_DIRECTION = 2048;
    private static final int TOTAL = 4096;
    private static final FlowLimits LIMITS = FlowLimits.DEFAULT
            .withMaxFlows(4)
            .withStreamBuffer(PER_DIRECTION, TOTAL)
            .withFragments(4, 8, Duration.ofSeconds(30));
    private static final byte[] V6_SRC = new byte[16];
    private static final byte[] V6_DST = new byte[16];

    static {
        V6_SRC[15] = 1;
        V6_DST[15] = 2;
    }

    private final PacketDecoder decoder = new PacketDecoder();

    @FuzzTest(maxDuration = "30s")
    void fuzzedSegmentsKeepStreamsBoundedAndUnduplicated(FuzzedDataProvider data) {
        Counting listener = new Counting();
        FlowTable table = new FlowTable(LIMITS, listener);
        long offered = 0;
        long time = 0;
        int segments = data.consumeInt(0, 200);
        for (int i = 0; i < segments && data.remainingBytes() > 0; i++) {
            int clientPort = 40000 + data.consumeInt(0, 5);
            boolean fromClient = data.consumeBoolean();
            int seq = data.consumeBoolean() ? data.consumeInt() : data.consumeInt(0, 4096);
            int flags = data.consumeInt(0, 0x3F);
            byte[] payload = data.consumeBytes(data.consumeInt(0, 300));
            time += data.consumeLong(0, 400_000_000_000L);
            offered += payload.length;
            byte[] tcp = fromClient
                    ? Frames.tcp(clientPort, 502, seq, 0, flags, payload)
                    : Frames.tcp(502, clientPort, seq, 0, flags, payload);
            byte[] ip = Frames.ipv4(fromClient ? 1 : 2, fromClient ? 2 : 1, 6, tcp);
            table.accept(
                    (DecodedPacket) decoder.decode(ByteBuffer.wrap(ip), 0, ip.length, LinkType.RAW),
                    ByteBuffer.wrap(ip),
                    time);
            assertThat(table.size()).isLessThanOrEqualTo(LIMITS.maxFlows());
            assertThat(table.stats().streamBufferBytes()).isBetween(0L, (long) TOTAL);
        }
        table.closeAll(CloseReason.END_OF_CAPTURE);
        assertThat(table.stats().streamBufferBytes()).isZero();
        assertThat(listener.delivered).isLessThanOrEqualTo(offered);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzedFragmentsStayWithinTheDatagramBounds(FuzzedDataProvider data) {
        IpReassembler r = new IpReassembler(LIMITS);
        long time = 0;
        int fragments = data.consumeInt(0, 100);
        for (int i = 0; i < fragments && data.remainingBytes() > 0; i++) {
            int id = data.consumeInt(0, 6);
            int offsetUnits = data.consumeBoolean() ? data.consumeInt(0, 8191) : data.consumeInt(0, 16);
            boolean more = data.consumeBoolean();
            byte[] payload = data.consumeBytes(data.consumeInt(0, 200));
            time += data.consumeLong(0, 40_000_000_000L);
            byte[] ip = data.consumeBoolean()
                    ? Frames.ipv6(
                            V6_SRC,
                            V6_DST,
                            44,
                            Frames.concat(Frames.fragmentHeader(17, offsetUnits << 3, more, id), payload))
                    : Frames.ipv4(1, 2, 17, id, (more ? 0x2000 : 0) | offsetUnits, payload);
            if (!(decoder.decode(ByteBuffer.wrap(ip), 0, ip.length, LinkType.RAW) instanceof DecodedPacket p)) {
                continue;
            }
            if (!((io.isthmus.wire.packet.IpHeader) p.network()).isFragment()) {
                continue;
            }
            r.accept(p, ByteBuffer.wrap(ip), time).ifPresent(d -> {
                assertThat(d.limit()).isBetween(20, LIMITS.maxDatagramBytes());
                assertThat(decoder.decodeIp(d, 0, d.limit(), p.link())).isNotNull();
            });
            assertThat(r.openDatagrams()).isLessThanOrEqualTo(LIMITS.maxFragmentedDatagrams());
        }
    }

    /** Counts delivered bytes and checks views are well-formed. */
    private static final class Counting implements FlowListener {
        long delivered;

        @Override
        public void onStreamData(Flow flow, Direction direction, ByteBuffer data) {
            assertThat(data.remaining()).isPositive();
            delivered += data.remaining();
        }

        @Override
        public void onStreamGap(Flow flow, Direction direction, long missingBytes) {
            assertThat(missingBytes).isPositive();
        }

        @Override
        public void onStreamClose(Flow flow, Direction direction, CloseReason reason) {}

        @Override
        public void onDatagram(Flow flow, Direction direction, ByteBuffer payload) {}
    }
}
