package io.isthmus.observe.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.wire.Direction;
import io.isthmus.wire.capture.CaptureBytes;
import io.isthmus.wire.capture.CaptureLimits;
import io.isthmus.wire.packet.Network;
import io.isthmus.wire.packet.PacketDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The whole composition on real captures: CaptureSource, PacketDecoder, FlowPipeline. Reference
 * figures from tshark 4.0.17: {@code tshark -r modbus__ITI__modbusSmall.pcap -q -z conv,tcp} lists
 * 16 TCP conversations and {@code -z conv,udp} 3; {@code -Y "tcp.len>0" -T fields -e tcp.srcport
 * -e tcp.len} sums to 208 payload bytes towards port 502 and 176 back, with no retransmissions.
 */
class FlowPipelineTest {

    @Test
    void reassemblesEveryModbusConnectionOfASharedCaptureAsTsharkCountsIt() throws IOException {
        Recorder recorder = new Recorder();
        FlowStats stats = run("modbus__ITI__modbusSmall.pcap", recorder);

        assertThat(stats.packets()).isEqualTo(166);
        assertThat(stats.decodeErrors()).isZero();
        assertThat(stats.flowsCreated()).isEqualTo(16 + 3);
        assertThat(stats.gaps()).isZero();
        assertThat(stats.overlapConflicts()).isZero();
        long toServer = 0;
        long toClient = 0;
        for (Map.Entry<Flow, Map<Direction, java.io.ByteArrayOutputStream>> e : recorder.bytes.entrySet()) {
            assertThat(e.getKey().serverPort()).isEqualTo(502);
            assertThat(e.getKey().clientBasis()).isEqualTo(ClientBasis.SYN);
            toServer += e.getValue()
                    .getOrDefault(Direction.REQUEST, new java.io.ByteArrayOutputStream())
                    .size();
            toClient += e.getValue()
                    .getOrDefault(Direction.RESPONSE, new java.io.ByteArrayOutputStream())
                    .size();
        }
        assertThat(toServer).isEqualTo(208);
        assertThat(toClient).isEqualTo(176);
        assertThat(recorder.events.stream().filter(s -> s.startsWith("datagram")))
                .hasSize(6);
        assertThat(recorder.streams.values())
                .allSatisfy(directions ->
                        assertThat(directions.get(Direction.REQUEST)).asString().endsWith("[close FIN]"));
    }

    @Test
    void skipsTheSegmentsAFilteredCaptureLeftOutAsSoonAsTheyAreAcknowledged() throws IOException {
        // tia_s300_goOnline holds only the S7 frames of one connection to port 102, which started
        // before the capture. tshark 4.0.17: -Y tcp.analysis.lost_segment matches 223 frames;
        // -Y "tcp.len>0" -e tcp.srcport -e tcp.len sums to 7574 bytes towards 102 and 23282 back.
        Recorder recorder = new Recorder();
        FlowStats beforeEnd = run("s7comm__ITI__tia_s300_goOnline.pcapng", recorder, false);

        assertThat(beforeEnd.streamBufferBytes())
                .as("nothing waits for bytes that were acknowledged")
                .isZero();
        assertThat(beforeEnd.gaps()).isEqualTo(223);
        Flow flow = recorder.onlyFlow();
        assertThat(flow.clientBasis()).isEqualTo(ClientBasis.PORT);
        assertThat(flow.serverPort()).isEqualTo(102);
        assertThat(recorder.bytes.get(flow).get(Direction.REQUEST).size()).isEqualTo(7574);
        assertThat(recorder.bytes.get(flow).get(Direction.RESPONSE).size()).isEqualTo(23282);
    }

    @Test
    void handsProfinetFramesToTheListener() throws IOException {
        // profinet-wireshark-bug.pcap: 4 PN-DCP frames (tshark io,phs: pn_dcp 4).
        Recorder recorder = new Recorder();
        FlowStats stats = run("profinet__ITI__profinet-wireshark-bug.pcap", recorder);
        assertThat(stats.nonIpFrames()).isEqualTo(4);
        assertThat(recorder.frames).allSatisfy(f -> assertThat(f.network()).isInstanceOf(Network.Profinet.class));
    }

    @Test
    void followsOpcUaOverIpv6OnALoopbackCapture() throws IOException {
        // open62541 getEndpoints: pcapng, LINKTYPE_NULL with AF_INET6 30, one TCP connection to 4840.
        Recorder recorder = new Recorder();
        FlowStats stats = run("opcua__cisagov-opcua__open62541_client-server-getEndpoints.pcap", recorder);
        assertThat(stats.decodeErrors()).isZero();
        assertThat(stats.flowsCreated()).isEqualTo(1);
        Flow flow = recorder.onlyFlow();
        assertThat(flow.server()).hasToString("::1");
        assertThat(flow.serverPort()).isEqualTo(4840);
        assertThat(recorder.stream(Direction.REQUEST)).startsWith("HELF");
    }

    private static FlowStats run(String capture, FlowListener listener) throws IOException {
        return run(capture, listener, true);
    }

    private static FlowStats run(String capture, FlowListener listener, boolean finish) throws IOException {
        byte[] bytes = CaptureBytes.resource(capture);
        FlowPipeline pipeline = new FlowPipeline(FlowLimits.DEFAULT, new PacketDecoder(), listener);
        try (CaptureSource source = CaptureSource.of(
                new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), CaptureLimits.DEFAULT)) {
            while (source.advance()) {
                pipeline.accept(source.buffer(), source.packet());
            }
            if (finish) {
                pipeline.finish();
            }
            assertThat(source.failure()).isEmpty();
        }
        return pipeline.stats();
    }
}
