package io.isthmus.connect.opcua;

import io.isthmus.model.TagPath;
import io.isthmus.sim.opcua.OpcUaLineServer;
import io.isthmus.sim.opcua.OpcUaServerSettings;
import io.isthmus.sim.process.BottlingLine;
import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.process.LineProcessImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The virtual factory's bottling line, ticking in real time, served by its real OPC UA server on
 * 127.0.0.1 and an ephemeral port; the server can be stopped and started again on the same port.
 */
final class SimLine implements AutoCloseable {
    static final String NAMESPACE_URI = "urn:isthmus:virtual-factory";

    private final BottlingLine line = new BottlingLine(42, Instant.now());
    private final LineProcessImage image = new LineProcessImage(line, LineNames.DEFAULT);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-line-ticker");
        t.setDaemon(true);
        return t;
    });
    private final OpcUaServerSettings settings;
    private volatile OpcUaLineServer server;

    SimLine(OpcUaServerSettings settings) {
        this.settings = settings;
        ticker.scheduleAtFixedRate(line::tick, 0, BottlingLine.TICK.toMillis(), TimeUnit.MILLISECONDS);
        start();
    }

    static TagPath path(String cell, String equipment, String point) {
        return LineNames.DEFAULT.path(cell, equipment, point);
    }

    /** {@code ns=<index>;s=<path>} as the running server numbers it. */
    String nodeId(TagPath path) {
        return "ns=" + server.namespaceIndex() + ";s=" + path;
    }

    OpcUaLineServer server() {
        return server;
    }

    OpcUaEndpointUrl endpoint() {
        return OpcUaEndpointUrl.parse(settings.endpointUrl());
    }

    void start() {
        server = OpcUaLineServer.start(settings, image);
    }

    void stop() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
        ticker.shutdownNow();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
