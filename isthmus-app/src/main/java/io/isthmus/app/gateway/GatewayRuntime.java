package io.isthmus.app.gateway;

import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditKeys;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.gateway.AccessGateway;
import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.Authenticator;
import io.isthmus.access.identity.ThrottleLimits;
import io.isthmus.access.identity.TokenKeys;
import io.isthmus.access.identity.TokenLimits;
import io.isthmus.access.identity.Tokens;
import io.isthmus.access.identity.UserDirectory;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A running gateway: its audit log (opened, and so verified, first: a tampered log stops the start),
 * the identities of the user file, and the {@link AccessGateway} with the Modbus path to OT. Reads
 * are answered from {@code latest} (the hub's historian). Closing it signs a last checkpoint.
 */
public final class GatewayRuntime implements AutoCloseable {
    /** Issuer and audience of service tokens ({@code isthmus gateway token}). */
    public static final String TOKEN_ISSUER = "isthmus-gateway";

    private final GatewaySettings settings;
    private final AuditLog audit;
    private final AccessGateway gateway;

    private GatewayRuntime(GatewaySettings settings, AuditLog audit, AccessGateway gateway) {
        this.settings = settings;
        this.audit = audit;
        this.gateway = gateway;
    }

    /**
     * Opens the audit log and builds the gateway.
     *
     * @param listener every audit record the gateway writes, after it is in the log, with a number
     *     that counts on from the log's size at start (the event sequence of the hub's event log)
     */
    public static GatewayRuntime open(
            GatewaySettings s,
            Function<TagPath, Optional<Sample>> latest,
            BiConsumer<Long, AuditEvent> listener,
            Clock clock)
            throws IOException {
        List<Account> accounts = UserFile.load(s.users());
        if (accounts.isEmpty()) {
            throw new IOException("the gateway's user file " + s.users()
                    + " has no users; add one with: isthmus gateway user add NAME --users " + s.users());
        }
        Authenticator auth = new Authenticator(
                new UserDirectory(accounts),
                new Tokens(tokenKey(s), TOKEN_ISSUER, TOKEN_ISSUER, TokenLimits.DEFAULT),
                ThrottleLimits.DEFAULT);
        ModbusOtPath ot = new ModbusOtPath(s.devices(), s.policy().policy(), s.address(), System.err::println);
        AuditLog audit = AuditLog.open(s.audit(), s.auditConfig(), clock, w -> {});
        AtomicLong sequence = new AtomicLong(audit.size());
        AccessGateway gateway = new AccessGateway(new AccessGateway.Parts(
                auth,
                s.policy().policy(),
                s.policy().access(),
                ot,
                latest,
                audit,
                e -> listener.accept(sequence.incrementAndGet(), e),
                clock,
                s.address(),
                s.limits()));
        return new GatewayRuntime(s, audit, gateway);
    }

    private static PublicKey tokenKey(GatewaySettings s) throws IOException {
        if (s.tokenKey().isPresent()) {
            return AuditKeys.readPublic(s.tokenKey().get());
        }
        Path dir = s.users().toAbsolutePath().getParent();
        return TokenKeys.loadOrCreate(dir).getPublic();
    }

    public AccessGateway gateway() {
        return gateway;
    }

    /** The {@code /gw/...} endpoints, on a server whose handshake trusts only the service accounts' CA. */
    public GatewayRoutes routes() {
        return new GatewayRoutes(gateway, GatewayRoutes.Issuers.HANDSHAKE, settings.recipes());
    }

    /** The {@code /gw/...} endpoints, taking only client certificates that {@code issuers} accepts. */
    public GatewayRoutes routes(GatewayRoutes.Issuers issuers) {
        return new GatewayRoutes(gateway, issuers, settings.recipes());
    }

    /** {@code GET /api/audit} over this gateway's log. */
    public AuditRoutes auditRoutes() {
        return new AuditRoutes(audit, settings.auditConfig());
    }

    public GatewaySettings settings() {
        return settings;
    }

    @Override
    public void close() throws IOException {
        audit.close();
    }
}
