package io.isthmus.wire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.capture.LinkType;
import java.nio.ByteBuffer;

/**
 * Any bytes under any link type: only {@link DecodedPacket} or {@link PacketError} come out,
 * nothing throws, and every offset stays inside the packet. Seeds:
 * {@code PacketDecoderFuzzTestInputs/anyPacketDecodesInsideItsBytes}.
 */
class PacketDecoderFuzzTest {
    private static final LinkType[] LINKS = LinkType.values();
    private final PacketDecoder decoder = new PacketDecoder(new PacketLimits(2, 4));

    @FuzzTest(maxDuration = "30s")
    void anyPacketDecodesInsideItsBytes(FuzzedDataProvider data) {
        LinkType link = LINKS[data.consumeInt(0, LINKS.length - 1)];
        int lead = data.consumeInt(0, 8);
        byte[] bytes = data.consumeRemainingAsBytes();
        ByteBuffer b = ByteBuffer.allocate(lead + bytes.length);
        b.position(lead);
        b.put(bytes).clear();
        check(decoder.decode(b, lead, bytes.length, link), lead, bytes.length);
        check(decoder.decodeIp(b, lead, bytes.length, new LinkHeader(-1, -1, -1, -1, 0x0800, 0)), lead, bytes.length);
        assertThat(b.position()).isZero();
    }

    private static void check(PacketResult r, int offset, int length) {
        switch (r) {
            case DecodedPacket p -> {
                assertThat(p.payloadOffset()).isBetween(offset, offset + length);
                assertThat(p.payloadLength()).isBetween(0, offset + length - p.payloadOffset());
                assertThat(p.payloadMissing()).isGreaterThanOrEqualTo(0);
                assertThat(p.anomalies() >>> PacketAnomaly.values().length).isZero();
            }
            case PacketError e -> assertThat(e.offset()).isBetween(offset, offset + length);
        }
    }
}
