package io.isthmus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.edge.EdgeStatus;
import io.isthmus.model.TagPath;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.store.JournalId;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's data path is the one-way transfer: the edge does not forward over HTTP at all, and
 * the samples the historian holds arrived through the hub's UDP receiver, complete and in one
 * epoch, with no loss on loopback.
 */
class DemoTransferTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TagPath GOOD_COUNT =
            TagPath.parse("acme/springfield/packaging/line1/transport/conveyor/goodCount");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theDemosSamplesReachTheHistorianThroughTheOneWayReceiverAndNothingIsLost(@TempDir Path pki) throws Exception {
        int opcUaPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUaPort = s.getLocalPort();
        }
        VirtualFactoryConfig config = VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = 0;
            b.opcUaPort = opcUaPort;
            b.speed = 10;
            b.pkiDir = pki;
        });
        InetSocketAddress receiver;
        try (DemoRuntime demo = DemoRuntime.start(config, new InetSocketAddress("127.0.0.1", 0), o -> {})) {
            receiver = demo.receiverAddress();
            assertThat(receiver.getAddress().isLoopbackAddress()).isTrue();
            String base = "http://127.0.0.1:" + demo.httpPort();

            EdgeStatus edge = demo.edge().status();
            assertThat(edge.forwarder()).as("no HTTP forwarding in the demo").isEqualTo("off");
            assertThat(edge.forwardRequests()).isZero();

            // wait until the edge has sent a good part of its journal, then until all of it is stored
            await(
                    "the edge sent 50 records one way",
                    () -> demo.edge().status().transfer().lastRecord(),
                    50);
            long sent = demo.edge().status().transfer().lastRecord();
            await(
                    "the hub stored every record the edge had sent",
                    () -> demo.hub()
                            .historian()
                            .journalProgress(JournalId.of(DemoRuntime.SITE_ID))
                            .contiguousThrough(),
                    sent);

            JsonNode t =
                    JSON.readTree(get(base + "/api/transfer")).get("receivers").get(0);
            assertThat(t.get("site").asText()).isEqualTo(DemoRuntime.SITE_ID);
            assertThat(t.get("listen").asText()).isEqualTo("127.0.0.1:" + receiver.getPort());
            assertThat(t.get("epoch").asLong())
                    .isEqualTo(demo.edge().status().transfer().epoch());
            assertThat(t.get("recordsStored").asLong()).isGreaterThanOrEqualTo(sent);
            assertThat(t.get("lostBatches").asLong()).isZero();
            assertThat(t.get("lostRanges")).isEmpty();
            assertThat(t.get("lastHeartbeat").isNull()).isFalse();

            assertThat(demo.hub().historian().latest(GOOD_COUNT))
                    .as("a live value that came through the receiver")
                    .isPresent();
            JsonNode health = JSON.readTree(get(base + "/api/health"));
            assertThat(health.get("edge").get("transfer").get("state").asText()).isEqualTo("sending");
            assertThat(demo.edgeSummary()).contains("one-way sender sending");
        }
        try (DatagramSocket s = new DatagramSocket(receiver)) {
            assertThat(s.getLocalPort()).as("the receiver's port is free again").isEqualTo(receiver.getPort());
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Waits (up to 60 s on a loaded machine) until {@code value} reaches {@code atLeast}. */
    private static void await(String what, LongSupplier value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (value.getAsLong() < atLeast) {
            assertThat(System.nanoTime() - deadline)
                    .as("waiting until " + what + " (at " + value.getAsLong() + " of " + atLeast + ")")
                    .isNegative();
            Thread.sleep(100);
        }
    }
}
