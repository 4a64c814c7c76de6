package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.flow.FlowPipeline;
import io.isthmus.wire.Direction;
import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.capture.LinkType;
import io.isthmus.wire.packet.Frames;
import io.isthmus.wire.packet.IpAddress;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.TcpHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The session layer over real TCP segments: identification, hostile MBAP streams, pairing. */
class SessionLayerTest {
    private static final HexFormat HEX = HexFormat.of();
    /** modbus__ITI__modbusSmall.pcap frames 14 and 16: FC 1 request and response. */
    private static final String REQUEST = "000100000006010100000003";

    private static final String RESPONSE = "00010000000401010100";

    private final List<Observation> observations = new ArrayList<>();
    private final AnalysisStats stats = new AnalysisStats(SessionLimits.DEFAULT);
    private final FlowPipeline pipeline = new FlowPipeline(
            FlowLimits.DEFAULT,
            new PacketDecoder(),
            new SessionLayer(DissectorRegistry.defaults(), SessionLimits.DEFAULT, stats, observations::add));
    private long time = 1_700_000_000_000_000_000L;
    private int clientSeq = 1001;
    private int serverSeq = 5001;

    private void segment(boolean fromClient, int serverPort, int flags, byte[] payload) {
        int seq = fromClient ? clientSeq : serverSeq;
        byte[] tcp = fromClient
                ? Frames.tcp(49152, serverPort, seq, serverSeq, flags, payload)
                : Frames.tcp(serverPort, 49152, seq, clientSeq, flags, payload);
        int a = Frames.ip4("10.0.0.1");
        int b = Frames.ip4("10.0.0.2");
        byte[] frame = Frames.ethernet(
                fromClient ? Frames.MAC_B : Frames.MAC_A,
                fromClient ? Frames.MAC_A : Frames.MAC_B,
                0x0800,
                Frames.ipv4(fromClient ? a : b, fromClient ? b : a, 6, tcp));
        int used = payload.length + ((flags & TcpHeader.SYN) != 0 ? 1 : 0);
        if (fromClient) {
            clientSeq += used;
        } else {
            serverSeq += used;
        }
        var packet =
                new CaptureRecord.Packet(0, 1, LinkType.ETHERNET, time, frame.length, 0, frame.length, frame.length);
        pipeline.accept(ByteBuffer.wrap(frame), packet);
        time += 1_000_000;
    }

    private void handshake(int port) {
        segment(true, port, TcpHeader.SYN, new byte[0]);
        segment(false, port, TcpHeader.SYN | TcpHeader.ACK, new byte[0]);
        segment(true, port, TcpHeader.ACK, new byte[0]);
    }

    private void send(boolean fromClient, int port, byte[] bytes, int segmentSize) {
        for (int i = 0; i < bytes.length; i += segmentSize) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + segmentSize));
            segment(fromClient, port, TcpHeader.PSH | TcpHeader.ACK, part);
        }
    }

    @Test
    void modbusOnANonStandardPortIsFoundByContentAndResponsesPairWithRequests() {
        handshake(5020);
        send(true, 5020, HEX.parseHex(REQUEST), 100);
        send(false, 5020, HEX.parseHex(RESPONSE), 100);
        pipeline.finish();
        assertThat(observations).hasSize(2);
        assertThat(observations.get(0).message().direction()).isEqualTo(Direction.REQUEST);
        assertThat(observations.get(0).dstPort()).isEqualTo(5020);
        assertThat(observations.get(1).latencyNanos()).isEqualTo(1_000_000);
        ProtocolStats modbus = stats.protocols().get(Protocol.MODBUS);
        assertThat(modbus.flows()).isEqualTo(1);
        assertThat(modbus.paired()).isEqualTo(1);
        assertThat(modbus.unanswered()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MBAP length 0,            000100000000",
        "MBAP length 1,            00010000000101",
        "MBAP length 255,          0001000000ff0103",
        "MBAP length 65535,        00010000ffff0103",
        "length beyond the bytes,  0001000000080103000000010000ffff",
        "length short of the PDU,  00010000000401030000",
    })
    void hostileMbapHeadersInOneByteSegmentsEndInACountedAnomalyAndTheNextRequestIsStillSeen(String name, String hex) {
        handshake(502);
        send(true, 502, HEX.parseHex(REQUEST), 100);
        send(true, 502, HEX.parseHex(hex + REQUEST), 1);
        pipeline.finish();
        ProtocolStats modbus = stats.protocols().get(Protocol.MODBUS);
        long anomalies =
                modbus.anomalies().values().stream().mapToLong(Long::longValue).sum();
        assertThat(anomalies).as(name).isPositive();
        assertThat(observations).as(name).isNotEmpty();
        assertThat(observations.getFirst().message().function()).isEqualTo(1);
    }

    @Test
    void messagesOfOneFlowDirectionShareOneEndpointsWhichNamesTheSenderAndReceiverOfThatDirection() {
        handshake(502);
        send(true, 502, HEX.parseHex(REQUEST), 100);
        send(false, 502, HEX.parseHex(RESPONSE), 100);
        send(true, 502, HEX.parseHex("000200000006010100000003"), 100);
        send(false, 502, HEX.parseHex("00020000000401010100"), 100);
        pipeline.finish();
        assertThat(observations).hasSize(4);
        Observation request = observations.get(0);
        Observation response = observations.get(1);
        assertThat(observations.get(2).endpoints()).isSameAs(request.endpoints());
        assertThat(observations.get(3).endpoints()).isSameAs(response.endpoints());
        assertThat(request.endpoints())
                .isEqualTo(new Endpoints(
                        request.flow(),
                        Optional.of(IpAddress.ofIpv4(Frames.ip4("10.0.0.1"))),
                        Optional.of(IpAddress.ofIpv4(Frames.ip4("10.0.0.2"))),
                        49152,
                        502,
                        Frames.MAC_A,
                        Frames.MAC_B));
        assertThat(response.endpoints())
                .isEqualTo(new Endpoints(
                        request.flow(), request.dst(), request.src(), 502, 49152, Frames.MAC_B, Frames.MAC_A));
        assertThat(request.flow()).isPresent().isSameAs(response.flow());
        assertThat(List.of(request.flow().get().aPort(), request.flow().get().bPort()))
                .containsExactlyInAnyOrder(49152, 502);
    }
}
