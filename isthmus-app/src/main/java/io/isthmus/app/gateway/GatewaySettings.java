package io.isthmus.app.gateway;

import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.connect.config.ConnectConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the access gateway is built from, wherever it runs (inside the hub or as {@code isthmus
 * gateway serve}).
 *
 * @param users the user file ({@code isthmus gateway user add})
 * @param tokenKey the Ed25519 public key that service tokens are verified with; empty: {@code
 *     gateway-token.pub} beside the user file (the pair is created there on first use, as {@code
 *     isthmus gateway token} does)
 * @param policy zones, conduits and the {@code access:} section
 * @param address the gateway's own address towards OT: the conduit check decides every change from
 *     it, so it must lie in a zone of the policy
 * @param devices the device table: Modbus sources and tags (an edge's tag configuration)
 * @param audit the audit log's directory
 * @param auditConfig the audit log's capacity and checkpoint rhythm
 * @param limits sessions, approval expiry, batch size
 * @param clientCa on the hub: certificates (PEM) of the CA whose client certificates may
 *     authenticate service accounts ({@code gateway.client-ca}); empty: the hub's {@code
 *     hub.ingest.tls.client-ca} serves (one CA for edges and service accounts, as before this
 *     setting). The standalone gateway has its {@code trust-store} instead
 * @param recipes named recipes ({@code gateway.recipes}), applied by name; names are unique
 */
public record GatewaySettings(
        Path users,
        Optional<Path> tokenKey,
        PolicyYaml.PolicyFile policy,
        InetAddress address,
        ConnectConfig devices,
        Path audit,
        AuditConfig auditConfig,
        GatewayLimits limits,
        Optional<Path> clientCa,
        List<Recipe> recipes) {
    /** Settings without a CA of its own for service certificates. */
    public GatewaySettings(
            Path users,
            Optional<Path> tokenKey,
            PolicyYaml.PolicyFile policy,
            InetAddress address,
            ConnectConfig devices,
            Path audit,
            AuditConfig auditConfig,
            GatewayLimits limits) {
        this(users, tokenKey, policy, address, devices, audit, auditConfig, limits, Optional.empty(), List.of());
    }

    public GatewaySettings {
        Objects.requireNonNull(clientCa, "clientCa");
        recipes = List.copyOf(recipes);
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(tokenKey, "tokenKey");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(auditConfig, "auditConfig");
        Objects.requireNonNull(limits, "limits");
        if (policy.policy().zoneOf(address).isEmpty()) {
            throw new IllegalArgumentException("the gateway's address " + address.getHostAddress()
                    + " is in no zone of the policy: every change would be refused by the conduit check;"
                    + " give an address of the zone the gateway sits in (e.g. the IDMZ)");
        }
    }

    /** The same settings with a CA of its own for service certificates on the hub. */
    public GatewaySettings withClientCa(Path file) {
        return new GatewaySettings(
                users, tokenKey, policy, address, devices, audit, auditConfig, limits, Optional.of(file), recipes);
    }

    /** The same settings with named recipes ({@code gateway.recipes}, checked against the device table). */
    public GatewaySettings withRecipes(List<Recipe> named) {
        return new GatewaySettings(
                users, tokenKey, policy, address, devices, audit, auditConfig, limits, clientCa, named);
    }
}
