package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.ConsoleServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Guards {@code POST /api/ingest}: with tokens configured, a request must carry {@code
 * Authorization: Bearer <token>} whose SHA-256 is one edge's; otherwise it is refused with a 401
 * problem and counted, before its body is read. The edge the token belongs to is handed to the
 * ingest, which refuses a batch that names another edge (403). With TLS configured, the hub's
 * listener is a TLS connector instead of plain HTTP.
 */
final class IngestGuard implements ConsoleServer.Routes {
    /** Context attribute holding the site id the request's token belongs to. */
    static final String EDGE = "isthmus.ingest.edge";

    private final IngestSecurity security;
    private final InetSocketAddress listen;
    private final boolean tls13Only;
    private final LongAdder refused = new LongAdder();

    /** @param tls13Only offer only TLS 1.3 (the hub carries the access gateway) */
    IngestGuard(IngestSecurity security, InetSocketAddress listen, boolean tls13Only) {
        this.security = security;
        this.listen = listen;
        this.tls13Only = tls13Only;
    }

    /** Requests refused for a missing or wrong token since the hub started. */
    long refused() {
        return refused.sum();
    }

    private static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        if (security.requiresToken()) {
            app.before("/api/ingest", this::authenticate);
            app.exception(Unauthorized.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"isthmus-ingest\"");
                ConsoleServer.problem(ctx, 401, "Unauthorized", e.getMessage());
            });
        }
        security.tls()
                .ifPresent(tls -> app.unsafeConfig().jetty.addConnector((server, http) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStorePath(tls.keyStore().toString());
                    ssl.setKeyStoreType("PKCS12");
                    ssl.setKeyStorePassword(tls.password());
                    if (tls13Only) {
                        ssl.setIncludeProtocols("TLSv1.3");
                    } else {
                        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                    }
                    HttpConfiguration https = new HttpConfiguration(http);
                    // edges address the hub by IP as often as by name: the certificate's names are the
                    // edge's to check (it does), not a reason for the hub to refuse a request
                    https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
                    ServerConnector c = new ServerConnector(
                            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                    c.setHost(listen.getHostString());
                    c.setPort(listen.getPort());
                    return c;
                }));
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refused.increment();
            throw new Unauthorized(
                    "post with Authorization: Bearer <the edge's token> (forward.token-file in edge.yaml)");
        }
        Optional<String> edge =
                edgeOf(IngestSecurity.TokenHash.of(header.substring(7).strip()));
        if (edge.isEmpty()) {
            refused.increment();
            throw new Unauthorized("the bearer token is not one of an edge the hub knows");
        }
        ctx.attribute(EDGE, edge.get());
    }

    /** Compares with every edge's hash, in constant time each, so timing does not tell which edge matched. */
    private Optional<String> edgeOf(IngestSecurity.TokenHash presented) {
        String found = null;
        for (Map.Entry<String, IngestSecurity.TokenHash> e : security.tokens().entrySet()) {
            if (e.getValue().matches(presented)) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }
}
