package io.isthmus.policy.pdp;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.IpAddress;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.Operation;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cedar through its Java binding (a JNI library written in Rust, shipped in the {@code uber} jar):
 * each request is serialised to JSON, handed to the native evaluator and the answer parsed back.
 */
final class CedarPdp implements Pdp {
    private static final EntityTypeName ACTION = type("Action");
    private static final EntityTypeName HOST = type("Host");
    private static final EntityTypeName USER = type("User");
    private static final EntityTypeName ROLE = type("Role");
    private static final EntityTypeName TAG = type("Tag");

    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
    private final PolicySet zones;
    private final PolicySet access;
    private final Set<Entity> entities = new HashSet<>();
    private final AuthorizationRequest[] operations;
    private final AuthorizationRequest[] queriesPlain;
    private final AuthorizationRequest[] queriesApproved;

    CedarPdp(List<Operation> ops, List<AccessQuery> queries) {
        try {
            zones = PolicySet.parsePolicies(FactoryPolicies.resource("zones.cedar"));
            access = PolicySet.parsePolicies(FactoryPolicies.resource("access.cedar"));
            // Parsed once on the native side; otherwise every request re-sends the policy text.
            zones.cache();
            access.cache();
        } catch (InternalException | com.cedarpolicy.model.exception.CacheException e) {
            throw new IllegalStateException("the Cedar policies do not parse: " + e.getMessage(), e);
        }
        for (Map.Entry<String, Set<String>> u : FactoryPolicies.USERS.entrySet()) {
            Set<EntityUID> parents = new HashSet<>();
            for (String r : u.getValue()) {
                parents.add(ROLE.of(r));
            }
            entities.add(new Entity(USER.of(u.getKey()), Map.of(), parents));
        }
        for (String r : Set.of("viewer", "operator", "approver", "planner")) {
            entities.add(new Entity(ROLE.of(r)));
        }
        for (AccessResource r : RequestTable.RESOURCES) {
            entities.add(new Entity(
                    TAG.of(r.tag().toString()),
                    Map.of(
                            "zone", new PrimString(r.zone().orElse("")),
                            "asset", new PrimString(r.asset()),
                            "path", new PrimString(r.tag().toString())),
                    Set.of()));
        }
        operations = ops.stream().map(CedarPdp::request).toArray(AuthorizationRequest[]::new);
        queriesPlain = queries.stream().map(q -> request(q, false)).toArray(AuthorizationRequest[]::new);
        queriesApproved = queries.stream().map(q -> request(q, true)).toArray(AuthorizationRequest[]::new);
    }

    private static AuthorizationRequest request(Operation o) {
        Map<String, Value> context = Map.of(
                "client", new IpAddress(o.client().getHostAddress()),
                "server", new IpAddress(o.server().getHostAddress()),
                "protocol", new PrimString(o.protocol().id()),
                "function", new PrimLong(o.function()),
                "unit", new PrimLong(o.unit()),
                "address", new PrimLong(o.address()),
                "last", new PrimLong(o.address() + o.quantity() - 1));
        return new AuthorizationRequest(HOST.of("client"), ACTION.of(o.access().id()), HOST.of("server"), context);
    }

    private static AuthorizationRequest request(AccessQuery q, boolean approved) {
        ZonedDateTime local = q.time().atZone(ZoneOffset.UTC);
        Map<String, Value> context = Map.of(
                "source", new IpAddress(q.source().getHostAddress()),
                "day", new PrimLong(local.getDayOfWeek().getValue()),
                "minute", new PrimLong(local.getHour() * 60L + local.getMinute()),
                "approved", new PrimBool(approved));
        return new AuthorizationRequest(
                USER.of(q.user()),
                ACTION.of(q.action().id()),
                TAG.of(q.resource().tag().toString()),
                context);
    }

    /** Validates both policy files against their schemas; the errors, or an empty string. */
    String validate() throws AuthException {
        StringBuilder problems = new StringBuilder();
        for (String[] pair :
                new String[][] {{"zones.cedarschema", "zones.cedar"}, {"access.cedarschema", "access.cedar"}}) {
            try {
                ValidationResponse r = engine.validate(new ValidationRequest(
                        new Schema(FactoryPolicies.resource(pair[0])),
                        PolicySet.parsePolicies(FactoryPolicies.resource(pair[1]))));
                if (!r.validationPassed()) {
                    problems.append(pair[1]).append(": ").append(r).append('\n');
                }
            } catch (InternalException e) {
                problems.append(pair[1]).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return problems.toString();
    }

    @Override
    public String name() {
        return "cedar";
    }

    @Override
    public boolean zoneAllows(int i) {
        return allowed(operations[i], zones, Set.of());
    }

    @Override
    public Outcome access(int i) {
        if (allowed(queriesPlain[i], access, entities)) {
            return Outcome.ALLOW;
        }
        return allowed(queriesApproved[i], access, entities) ? Outcome.NEEDS_APPROVAL : Outcome.DENY;
    }

    private boolean allowed(AuthorizationRequest q, PolicySet policies, Set<Entity> known) {
        try {
            AuthorizationResponse r = engine.isAuthorized(q, policies, known);
            if (r.success.isEmpty()) {
                throw new IllegalStateException("Cedar failed on " + q + ": " + r.errors);
            }
            if (!r.success.get().getErrors().isEmpty()) {
                throw new IllegalStateException(
                        "Cedar policy errors on " + q + ": " + r.success.get().getErrors());
            }
            return r.success.get().isAllowed();
        } catch (AuthException e) {
            throw new IllegalStateException("Cedar failed on " + q + ": " + e.getMessage(), e);
        }
    }

    private static EntityTypeName type(String name) {
        return EntityTypeName.parse(name).orElseThrow();
    }
}
