package io.isthmus.sim.opcua;

import static io.isthmus.sim.opcua.OpcUaLineServerTest.freePort;
import static io.isthmus.sim.opcua.OpcUaLineServerTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.process.ProcessImage;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, stop, restart and failing starts, each followed by a check that no thread is left. */
class OpcUaLineServerLifecycleTest {

    @TempDir
    Path pki;

    private final TickingProcessImage image = new TickingProcessImage();

    @Test
    void a_closed_server_frees_its_port_and_threads_so_it_can_start_again_on_the_same_port() throws Exception {
        int port = freePort();
        for (int round = 1; round <= 2; round++) {
            try (OpcUaLineServer server = OpcUaLineServer.start(settings(port, pki), image)) {
                OpcUaClient client = OpcUaClient.create(server.endpointUrl());
                client.connect();
                try {
                    NodeId running = new NodeId(server.namespaceIndex(), TickingProcessImage.RUNNING.toString());
                    assertThat(client.readValue(0, TimestampsToReturn.Both, running)
                                    .statusCode()
                                    .isGood())
                            .as("round %d", round)
                            .isTrue();
                } finally {
                    client.disconnect();
                }
            }
            assertNoServerThreadsRemain(port);
        }
    }

    @Test
    void closing_twice_is_harmless() throws Exception {
        int port = freePort();
        OpcUaLineServer server = OpcUaLineServer.start(settings(port, pki), image);
        server.close();
        server.close();
        assertNoServerThreadsRemain(port);
    }

    @Test
    void a_busy_port_fails_the_start_naming_address_and_port() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();

            assertThatThrownBy(() -> OpcUaLineServer.start(settings(port, pki), image))
                    .isInstanceOf(OpcUaServerStartException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasRootCauseInstanceOf(BindException.class);
            assertNoServerThreadsRemain(port);
        }
    }

    @Test
    void an_image_listing_a_path_twice_is_refused_before_binding() throws Exception {
        int port = freePort();
        ProcessImage twice = new ProcessImage() {
            @Override
            public List<PointSpec> points() {
                return List.of(image.points().get(0), image.points().get(0));
            }

            @Override
            public Value read(TagPath path) {
                return image.read(path);
            }

            @Override
            public boolean write(TagPath path, Value value) {
                return false;
            }
        };

        assertThatThrownBy(() -> OpcUaLineServer.start(settings(port, pki), twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TickingProcessImage.SPEED + " twice");
        assertNoServerThreadsRemain(port);
    }

    /**
     * The server's own threads must be gone, daemon or not, and no non-daemon Milo or Netty thread
     * may keep the JVM alive. Netty's global executor stops itself about a second after its last
     * task, hence the bounded wait.
     */
    private static void assertNoServerThreadsRemain(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> lingering = lingeringThreads(port);
        while (!lingering.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lingering = lingeringThreads(port);
        }
        assertThat(lingering).isEmpty();
    }

    private static List<String> lingeringThreads(int port) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(ServerThreads.THREAD_PREFIX + port + "-")
                        || (!t.isDaemon() && looksLikeMiloOrNetty(t.getName())))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .toList();
    }

    private static boolean looksLikeMiloOrNetty(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("milo")
                || lower.contains("netty")
                || lower.contains("opcua")
                || lower.startsWith("globaleventexecutor");
    }
}
