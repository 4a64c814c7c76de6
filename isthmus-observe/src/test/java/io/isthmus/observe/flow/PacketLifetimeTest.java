package io.isthmus.observe.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.wire.Direction;
import io.isthmus.wire.capture.CaptureBytes;
import io.isthmus.wire.capture.CaptureLimits;
import io.isthmus.wire.capture.CaptureRecord.Packet;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.PacketError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hot path reuses what it is handed: the capture reader re-fills one {@link Packet} per stream,
 * the pipeline decodes every packet into one {@code PacketView}, and the capture buffer's bytes are
 * overwritten by the next refill. So nothing may keep the packet, its headers or its bytes past
 * {@link FlowPipeline#accept}. Each capture runs through two pipelines side by side: one gets every
 * packet as its own immutable {@link Packet} over its own copy of the bytes (keeping them would be
 * harmless there), the other the reader's reused packet in the reader's buffer, with the packet's
 * bytes overwritten with junk as soon as {@code accept} returns. Anything that kept a packet, a view
 * or a reference into the buffer and read it later would see junk or another packet, and the two
 * listeners would record different calls.
 */
class PacketLifetimeTest {
    private static final byte JUNK = (byte) 0xA5;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "modbus__ITI__modbusSmall.pcap",
                "modbus__ITI__modbus_test_data_part1.pcap",
                "s7comm__ITI__tia_s300_goOnline.pcapng",
                "enip__ITI__enip_test.pcap",
                "dnp3__ITI__dnp3.pcap",
                "iec104__ITI__090813_diverse.pcap",
                "bacnet__ITI__bacnet_test.pcap",
                "profinet__ITI__profinet-wireshark-bug.pcap",
                "opcua__cisagov-opcua__open62541_client-server-getEndpoints.pcap",
                "modbus__ITI__fuzz-1011.pcap"
            })
    void nothingKeepsThePacketItsHeadersOrItsBytesPastTheCall(String capture) throws IOException {
        byte[] bytes = CaptureBytes.resource(capture);
        Calls copied = new Calls();
        Calls reused = new Calls();
        FlowPipeline withCopies = new FlowPipeline(FlowLimits.DEFAULT, new PacketDecoder(), copied);
        FlowPipeline withReuse = new FlowPipeline(FlowLimits.DEFAULT, new PacketDecoder(), reused);
        Packet previous = null;
        int packets = 0;
        boolean sameInstance = true;
        try (CaptureSource source = CaptureSource.of(
                new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), CaptureLimits.DEFAULT)) {
            while (source.advance()) {
                Packet p = source.packet();
                ByteBuffer buffer = source.buffer();
                withCopies.accept(copyOf(buffer, p), ownPacket(p));
                withReuse.accept(buffer, p);
                for (int i = p.dataOffset(); i < p.dataOffset() + p.capturedLength(); i++) {
                    buffer.put(i, JUNK);
                }
                sameInstance &= previous == null || previous == p;
                previous = p;
                packets++;
            }
            assertThat(source.failure()).isEmpty();
        }
        withCopies.finish();
        withReuse.finish();

        assertThat(packets).isGreaterThan(1);
        assertThat(sameInstance)
                .as("the reader re-fills one packet, so this test means something")
                .isTrue();
        assertThat(reused.calls).isNotEmpty().isEqualTo(copied.calls);
        assertThat(withReuse.stats()).isEqualTo(withCopies.stats());
    }

    /** The packet's bytes at the same indices in a buffer of their own. */
    private static ByteBuffer copyOf(ByteBuffer buffer, Packet p) {
        ByteBuffer copy = ByteBuffer.allocate(p.dataOffset() + p.capturedLength());
        copy.put(p.dataOffset(), buffer, p.dataOffset(), p.capturedLength());
        return copy;
    }

    private static Packet ownPacket(Packet p) {
        return new Packet(
                p.interfaceId(),
                p.linkTypeCode(),
                p.linkType(),
                p.timestampNanos(),
                p.originalLength(),
                p.dataOffset(),
                p.capturedLength(),
                p.consumed());
    }

    /** Every listener call as text, with the bytes it was handed read during the call. */
    private static final class Calls implements FlowListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onStreamData(Flow flow, Direction direction, ByteBuffer data) {
            calls.add("data " + flow + " " + direction + " " + hex(data));
        }

        @Override
        public void onStreamGap(Flow flow, Direction direction, long missingBytes) {
            calls.add("gap " + flow + " " + direction + " " + missingBytes);
        }

        @Override
        public void onStreamClose(Flow flow, Direction direction, CloseReason reason) {
            calls.add("close " + flow + " " + direction + " " + reason);
        }

        @Override
        public void onDatagram(Flow flow, Direction direction, ByteBuffer payload) {
            calls.add("datagram " + flow + " " + direction + " " + hex(payload));
        }

        @Override
        public void onOverlapConflict(Flow flow, Direction direction, long streamOffset, int length) {
            calls.add("conflict " + flow + " " + direction + " " + streamOffset + " " + length);
        }

        @Override
        public void onFlowEnd(Flow flow, CloseReason reason) {
            calls.add("end " + flow + " " + reason + " macs " + flow.clientMac() + "/" + flow.serverMac() + " packets "
                    + flow.packets(Direction.REQUEST) + "/" + flow.packets(Direction.RESPONSE) + " bytes "
                    + flow.bytes(Direction.REQUEST) + "/" + flow.bytes(Direction.RESPONSE));
        }

        @Override
        public void onFrame(DecodedPacket frame, ByteBuffer buffer, long timestampNanos) {
            calls.add("frame " + frame + " " + timestampNanos + " " + hex(frame.payload(buffer)));
        }

        @Override
        public void onPacketError(PacketError error, long timestampNanos) {
            calls.add("error " + error + " " + timestampNanos);
        }

        private static String hex(ByteBuffer b) {
            byte[] a = new byte[b.remaining()];
            b.duplicate().get(a);
            return HexFormat.of().formatHex(a);
        }
    }
}
