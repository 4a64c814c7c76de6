package io.isthmus.app.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.gateway.AccessGateway;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.app.console.ConsoleServer;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.InetSocketAddress;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The standalone gateway ({@code isthmus gateway serve}): the {@link GatewayRoutes} on their own
 * HTTPS server, TLS 1.3 only, asking for client certificates when a trust store is configured.
 */
public final class GatewayServer implements AutoCloseable {
    private static final long MAX_BODY = GatewayRoutes.MAX_BODY;
    private final Javalin app;
    private final AccessGateway gateway;
    private final List<Recipe> recipes;
    private final ObjectMapper json = new ObjectMapper();

    public GatewayServer(AccessGateway gateway, SSLContext tls, boolean clientCertificates, InetSocketAddress listen) {
        this(gateway, tls, clientCertificates, listen, List.of());
    }

    /** A server whose {@code /gw/recipes} lists and applies {@code recipes} (the named ones). */
    public GatewayServer(
            AccessGateway gateway,
            SSLContext tls,
            boolean clientCertificates,
            InetSocketAddress listen,
            List<Recipe> recipes) {
        this.gateway = gateway;
        this.recipes = List.copyOf(recipes);
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.useVirtualThreads = true;
            c.http.maxRequestSize = MAX_BODY;
            c.http.defaultContentType = "application/json";
            c.jsonMapper(new JavalinJackson(json, false));
            c.jetty.addConnector((server, http) -> connector(server, http, tls, clientCertificates, listen));
        });
        routes();
    }

    private static ServerConnector connector(
            org.eclipse.jetty.server.Server server,
            HttpConfiguration http,
            SSLContext tls,
            boolean clientCertificates,
            InetSocketAddress listen) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        ssl.setIncludeProtocols("TLSv1.3");
        ssl.setWantClientAuth(clientCertificates);
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector c = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(listen.getHostString());
        c.setPort(listen.getPort());
        return c;
    }

    public GatewayServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes() {
        new GatewayRoutes(gateway, GatewayRoutes.Issuers.HANDSHAKE, recipes).register(app, json);
        app.error(404, ctx -> {
            if (!ctx.res().isCommitted() && ctx.result() == null) {
                ConsoleServer.problem(ctx, 404, "Not Found", "no gateway endpoint " + ctx.method() + " " + ctx.path());
            }
        });
        app.exception(
                IllegalArgumentException.class,
                (e, ctx) -> ConsoleServer.problem(ctx, 400, "Bad Request", e.getMessage()));
    }
}
