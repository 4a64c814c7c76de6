package io.isthmus.wire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.capture.LinkType;
import java.nio.ByteBuffer;

/**
 * Any bytes under any link type: only {@link DecodedPacket} or {@link PacketError} come out,
 * nothing throws, and every offset stays inside the packet. One {@link PacketView} is re-filled by
 * every input, as the flow pipeline re-fills its one view per packet: it must hold the same headers
 * as a fresh decode, so nothing of an earlier packet lingers in it. Seeds:
 * {@code PacketDecoderFuzzTestInputs/anyPacketDecodesInsideItsBytes}.
 */
class PacketDecoderFuzzTest {
    private static final LinkType[] LINKS = LinkType.values();
    private final PacketDecoder decoder = new PacketDecoder(new PacketLimits(2, 4));
    /** Shared by every input (and every link type of one input), as the pipeline's one view is. */
    private static final PacketView REUSED = new PacketView();

    @FuzzTest(maxDuration = "30s")
    void anyPacketDecodesInsideItsBytes(FuzzedDataProvider data) {
        LinkType link = LINKS[data.consumeInt(0, LINKS.length - 1)];
        int lead = data.consumeInt(0, 8);
        byte[] bytes = data.consumeRemainingAsBytes();
        ByteBuffer b = ByteBuffer.allocate(lead + bytes.length);
        b.position(lead);
        b.put(bytes).clear();
        PacketResult fresh = decoder.decode(b, lead, bytes.length, link);
        check(fresh, lead, bytes.length);
        for (LinkType other : LINKS) {
            sameInReusedView(b, lead, bytes.length, other);
        }
        sameInReusedView(b, lead, bytes.length, link);
        PacketResult ip = decoder.decodeIp(b, lead, bytes.length, new LinkHeader(-1, -1, -1, -1, 0x0800, 0));
        check(ip, lead, bytes.length);
        assertThat(b.position()).isZero();
    }

    /** Decoding into the shared view gives what a fresh decode gives, then so does a reassembly into it. */
    private void sameInReusedView(ByteBuffer b, int lead, int length, LinkType link) {
        PacketResult fresh = decoder.decode(b, lead, length, link);
        var packet = new CaptureRecord.Packet(0, link.code(), link, 0, length, lead, length, length);
        boolean decoded = decoder.decode(b, packet, REUSED);
        assertThat(decoded ? REUSED.toDecodedPacket() : REUSED.error()).isEqualTo(fresh);
        if (decoded) {
            // a reassembled datagram keeps the link fields already in the view
            PacketResult expected = decoder.decodeIp(b, lead, length, REUSED.linkHeader());
            boolean again = decoder.decodeIp(b, lead, length, REUSED);
            assertThat(again ? REUSED.toDecodedPacket() : REUSED.error()).isEqualTo(expected);
        }
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
