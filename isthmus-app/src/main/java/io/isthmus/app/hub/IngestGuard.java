package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.ConsoleServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Guards {@code POST /api/ingest}: with tokens configured, a request must carry {@code
 * Authorization: Bearer <token>} whose SHA-256 is one edge's; otherwise it is refused with a 401
 * problem and counted, before its body is read. With a client CA configured (mutual TLS), it must
 * also come with a client certificate issued by that CA, whose subject's CN is the edge's site id
 * (and, with tokens too, the same edge as the token's). The edge so identified is handed to the
 * ingest, which refuses a batch that names another edge (403). With TLS configured, the hub's
 * listener is a TLS connector instead of plain HTTP; with a client CA it asks for (but does not
 * demand) a client certificate, so the console and the rest of the API work from a browser.
 *
 * <p>The listener is shared with the access gateway, whose service accounts may have their own CA
 * ({@code gateway.client-ca}): the handshake then trusts both sets, and the ingest checks the chain
 * against the edges' CA alone ({@link ClientCa#issued}). A certificate whose subject is mapped to a
 * gateway service account is never an edge's, even when one CA issues both (the configuration
 * before {@code gateway.client-ca} existed): no certificate is accepted by both paths.
 */
final class IngestGuard implements ConsoleServer.Routes {
    /** Context attribute holding the site id the request's token belongs to. */
    static final String EDGE = "isthmus.ingest.edge";

    /** Servlet request attribute holding the client's verified certificate chain (set by Jetty). */
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final IngestSecurity security;
    private final InetSocketAddress listen;
    private final IngestTokens tokens;
    private final boolean tls13Only;
    private final Optional<ClientCa> edgeCa;
    private final Optional<ClientCa> gatewayCa;
    private final Predicate<String> gatewaySubject;
    private final LongAdder refused = new LongAdder();

    /** Without an access gateway. */
    IngestGuard(IngestSecurity security, InetSocketAddress listen, boolean tls13Only) {
        this(security, listen, tls13Only, Optional.empty(), subject -> false);
    }

    /**
     * @param tls13Only offer only TLS 1.3 (the hub carries the access gateway)
     * @param gatewayCa the CA of the gateway's service accounts, when the listener must also take
     *     their certificates; the ingest never accepts a certificate on its strength
     * @param gatewaySubject whether a canonical certificate subject is mapped to a gateway service
     *     account: such a certificate is refused here
     * @throws IllegalArgumentException the tokens file or the client CA file cannot be used (named)
     */
    IngestGuard(
            IngestSecurity security,
            InetSocketAddress listen,
            boolean tls13Only,
            Optional<ClientCa> gatewayCa,
            Predicate<String> gatewaySubject) {
        this.security = security;
        this.listen = listen;
        this.tls13Only = tls13Only;
        this.tokens = new IngestTokens(security, System::nanoTime);
        this.edgeCa = security.tls().flatMap(IngestSecurity.Tls::clientCa).map(IngestGuard::edgeCa);
        this.gatewayCa = gatewayCa;
        this.gatewaySubject = gatewaySubject;
    }

    /** The edges' CA ({@code hub.ingest.tls.client-ca}); the error names the setting and the file. */
    static ClientCa edgeCa(Path file) {
        return ClientCa.load(file, "ingest tls client-ca");
    }

    /** Requests refused for a missing or wrong token or certificate since the hub started. */
    long refused() {
        return refused.sum();
    }

    /** Changes of the tokens file that were not taken (unreadable, bad line) since the hub started. */
    long tokenFileErrors() {
        return tokens.fileErrors();
    }

    private static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        if (security.requiresToken() || security.requiresCertificate()) {
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
                    List<ClientCa> clientCas = Stream.of(edgeCa, gatewayCa)
                            .flatMap(Optional::stream)
                            .toList();
                    if (!clientCas.isEmpty()) {
                        // the edges' and the gateway users' CAs together; each path checks its own
                        ssl.setTrustStore(ClientCa.union(clientCas));
                        // asked, not demanded: a browser on the console has no client certificate;
                        // /api/ingest refuses a request without one (authenticate)
                        ssl.setWantClientAuth(true);
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
        Optional<String> byToken = Optional.empty();
        if (security.requiresToken()) {
            String header = ctx.header("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                refused.increment();
                throw new Unauthorized(
                        "post with Authorization: Bearer <the edge's token> (forward.token-file in edge.yaml)");
            }
            byToken = tokens.edgeOf(
                    IngestSecurity.TokenHash.of(header.substring(7).strip()));
            if (byToken.isEmpty()) {
                refused.increment();
                throw new Unauthorized("the bearer token is not one of an edge the hub knows");
            }
        }
        Optional<String> byCertificate = Optional.empty();
        if (security.requiresCertificate()) {
            Object chain = ctx.req().getAttribute(CERTIFICATES);
            if (!(chain instanceof X509Certificate[] certs) || certs.length == 0) {
                refused.increment();
                throw new Unauthorized(
                        "post with the edge's client certificate (forward.client-keystore in edge.yaml)");
            }
            if (!edgeCa.orElseThrow().issued(certs)) {
                refused.increment();
                throw new Unauthorized("the client certificate is not issued by the edges' CA (ingest tls client-ca)");
            }
            if (gatewaySubject.test(certs[0].getSubjectX500Principal().getName(X500Principal.CANONICAL))) {
                refused.increment();
                throw new Unauthorized(
                        "the client certificate is a gateway service account's (gateway users file), not an edge's");
            }
            byCertificate = commonName(certs[0]);
            if (byCertificate.isEmpty()) {
                refused.increment();
                throw new Unauthorized("the client certificate's subject has no CN naming the edge");
            }
        }
        if (byToken.isPresent() && byCertificate.isPresent() && !byToken.equals(byCertificate)) {
            refused.increment();
            throw new Unauthorized("the bearer token is edge '" + byToken.get() + "''s, the client certificate edge '"
                    + byCertificate.get() + "''s");
        }
        ctx.attribute(EDGE, byToken.isPresent() ? byToken.get() : byCertificate.orElseThrow());
    }

    /** The CN of a certificate's subject: the edge's site id. */
    static Optional<String> commonName(X509Certificate cert) {
        try {
            LdapName name = new LdapName(cert.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
