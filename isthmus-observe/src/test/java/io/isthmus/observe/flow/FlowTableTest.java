package io.isthmus.observe.flow;

import static io.isthmus.observe.flow.Conversation.PSH_ACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.capture.LinkType;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.Frames;
import io.isthmus.wire.packet.PacketDecoder;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounded flow table: keys, client sides, eviction and idle timeout, all counted. */
class FlowTableTest {
    private final Recorder recorder = new Recorder();
    private final PacketDecoder decoder = new PacketDecoder();

    @Test
    void evictsTheStalestFlowWhenFullAndCountsIt() {
        FlowTable table = new FlowTable(FlowLimits.DEFAULT.withMaxFlows(2), recorder);
        new Conversation(table).clientPort(50001).handshake().toServer(1, PSH_ACK, "request");
        new Conversation(table).clientPort(50002).handshake();
        new Conversation(table).clientPort(50001).toServer(21, PSH_ACK, "touch");
        new Conversation(table).clientPort(50003).handshake();

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.stats().flowsEvicted()).isEqualTo(1);
        assertThat(recorder.events).containsExactly("end EVICTED");
        assertThat(recorder.ended.getFirst().clientPort())
                .as("least recently seen")
                .isEqualTo(50002);
        assertThat(recorder.streams.get(recorder.ended.getFirst()).get(Direction.REQUEST))
                .hasToString("[close EVICTED]");
    }

    @Test
    void neverHoldsMoreFlowsThanTheLimit() {
        FlowTable table = new FlowTable(FlowLimits.DEFAULT.withMaxFlows(3), recorder);
        for (int port = 40000; port < 40100; port++) {
            new Conversation(table).clientPort(port).handshake();
            assertThat(table.size()).isLessThanOrEqualTo(3);
        }
        assertThat(table.stats().flowsCreated()).isEqualTo(100);
        assertThat(table.stats().flowsEvicted()).isEqualTo(97);
    }

    @Test
    void expiresFlowsIdleLongerThanTheTimeoutByCaptureTime() {
        FlowTable table = new FlowTable(FlowLimits.DEFAULT, recorder);
        Conversation old = new Conversation(table).clientPort(50001).handshake().toServer(1, PSH_ACK, "a");
        new Conversation(table)
                .clientPort(50002)
                .after(Duration.ofMinutes(5).toNanos() + 2_000_000_000L)
                .handshake();

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.stats().flowsExpired()).isEqualTo(1);
        assertThat(recorder.events).containsExactly("end IDLE_TIMEOUT");
        assertThat(old.time()).isPositive();
    }

    @Test
    void tellsUdpDirectionsByTheServerPort() {
        FlowTable table = new FlowTable(FlowLimits.DEFAULT, recorder);
        udp(table, "10.0.0.2", 47808, "10.0.0.9", 50000, "i-am", 0);
        udp(table, "10.0.0.9", 50000, "10.0.0.2", 47808, "who-is", 0);

        assertThat(recorder.events).containsExactly("datagram RESPONSE i-am", "datagram REQUEST who-is");
        assertThat(table.size()).isEqualTo(1);
        Flow flow = only(table);
        assertThat(flow.clientBasis()).isEqualTo(ClientBasis.PORT);
        assertThat(flow.server()).hasToString("10.0.0.2");
        assertThat(flow.packets(Direction.REQUEST)).isEqualTo(1);
        assertThat(flow.bytes(Direction.RESPONSE)).isEqualTo(4);
    }

    @Test
    void keepsTheSameAddressesInTwoVlansApart() {
        FlowTable table = new FlowTable(FlowLimits.DEFAULT, recorder);
        udp(table, "10.0.0.1", 50000, "10.0.0.2", 502, "x", 10);
        udp(table, "10.0.0.1", 50000, "10.0.0.2", 502, "y", 20);
        udp(table, "10.0.0.2", 502, "10.0.0.1", 50000, "z", 10);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void learnsTheMacAddressesOfBothSides() {
        FlowTable table = new FlowTable(FlowLimits.DEFAULT, recorder);
        new Conversation(table).handshake();
        Flow flow = only(table);
        assertThat(flow.clientMac()).isEqualTo(Frames.MAC_A);
        assertThat(flow.serverMac()).isEqualTo(Frames.MAC_B);
    }

    /** The table's flow, taken out by closing the table. */
    private Flow only(FlowTable table) {
        table.closeAll(CloseReason.END_OF_CAPTURE);
        return recorder.ended.getLast();
    }

    private void udp(FlowTable table, String src, int sport, String dst, int dport, String payload, int vlan) {
        byte[] ip = Frames.ipv4(
                Frames.ip4(src), Frames.ip4(dst), 17, Frames.udp(sport, dport, Conversation.bytes(payload)));
        byte[] frame = vlan == 0
                ? Frames.ethernet(Frames.MAC_B, Frames.MAC_A, 0x0800, ip)
                : Frames.ethernet(Frames.MAC_B, Frames.MAC_A, 0x0800, ip, 0x8100, vlan);
        ByteBuffer b = ByteBuffer.wrap(frame);
        table.accept((DecodedPacket) decoder.decode(b, 0, frame.length, LinkType.ETHERNET), b, 1_000_000_000L);
    }
}
