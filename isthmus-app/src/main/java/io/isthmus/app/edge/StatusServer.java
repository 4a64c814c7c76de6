package io.isthmus.app.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.isthmus.connect.config.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The edge's optional local status port: {@code GET /metrics} (Prometheus text) and {@code GET
 * /status} (JSON). Read-only; started only when {@code edge.status.listen} is configured.
 */
final class StatusServer implements AutoCloseable {
    private final HttpServer server;

    private StatusServer(HttpServer server) {
        this.server = server;
    }

    static StatusServer start(HostPort listen, Supplier<EdgeStatus> status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(listen.host(), listen.port()), 16);
        ObjectMapper json = new ObjectMapper();
        server.createContext(
                "/metrics",
                ex -> reply(ex, "text/plain; version=0.0.4", status.get().prometheus()));
        server.createContext("/status", ex -> reply(ex, "application/json", json.writeValueAsString(status.get())));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return new StatusServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, String type, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
