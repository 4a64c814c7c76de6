package io.isthmus.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.gateway.AccessGateway;
import io.isthmus.access.gateway.Approval;
import io.isthmus.access.gateway.ApproveResult;
import io.isthmus.access.gateway.ItemResult;
import io.isthmus.access.gateway.ProgramRequest;
import io.isthmus.access.gateway.ProgramResult;
import io.isthmus.access.gateway.ReadResult;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.access.gateway.RecipeResult;
import io.isthmus.access.gateway.RejectResult;
import io.isthmus.access.gateway.WriteItem;
import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.ClientCertificate;
import io.isthmus.access.identity.LoginResult;
import io.isthmus.access.identity.ServiceAccount;
import io.isthmus.access.identity.SubjectAltName;
import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.console.SampleJson;
import io.isthmus.model.TagPath;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The gateway's {@code /gw/...} endpoints, registered on any Javalin server: the standalone
 * gateway's ({@link GatewayServer}, {@code isthmus gateway serve}) or the hub's, so the console calls
 * {@code /gw} on its own origin. Authentication by bearer session token ({@code POST /gw/login}) or
 * by a client certificate mapped to a service account; every other request is refused with 401.
 * All errors are RFC 9457 problem documents. The server that mounts these routes serves TLS 1.3
 * (or, on the hub, plain HTTP on a loopback address only: {@code GatewayConfigYaml} checks it).
 */
public final class GatewayRoutes implements ConsoleServer.Routes {
    /** The largest request body the gateway reads: a write batch of 100 items fits many times over. */
    static final long MAX_BODY = 64 * 1024;

    private final AccessGateway gateway;
    private final Map<String, Recipe> named = new java.util.TreeMap<>();
    private final Issuers issuers;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Whether a client certificate chain that passed the TLS handshake was issued by the CA trusted
     * for service accounts. On the standalone gateway the handshake's trust store is that CA ({@link
     * #HANDSHAKE}); on the hub the listener also trusts the edges' CA, so the chain is checked again
     * against the gateway's own.
     */
    @FunctionalInterface
    public interface Issuers {
        /** The handshake's trust store holds only the service accounts' CA. */
        Issuers HANDSHAKE = chain -> true;

        boolean issued(X509Certificate[] chain);
    }

    /** Routes whose server's handshake trusts only the service accounts' CA (the standalone gateway). */
    public GatewayRoutes(AccessGateway gateway) {
        this(gateway, Issuers.HANDSHAKE);
    }

    public GatewayRoutes(AccessGateway gateway, Issuers issuers) {
        this(gateway, issuers, List.of());
    }

    /** Routes that also list and apply the named recipes of the configuration ({@code gateway.recipes}). */
    public GatewayRoutes(AccessGateway gateway, Issuers issuers, List<Recipe> named) {
        this.gateway = gateway;
        this.issuers = issuers;
        named.forEach(r -> this.named.put(r.name(), r));
    }

    @Override
    public void register(Javalin app, ObjectMapper mapper) {
        app.post("/gw/login", this::login);
        app.get("/gw/me", ctx -> withAccount(ctx, who -> ctx.json(me(who))));
        app.get("/gw/tags/<path>", ctx -> withAccount(ctx, who -> read(ctx, who)));
        app.post("/gw/writes", ctx -> withAccount(ctx, who -> writes(ctx, who)));
        app.post("/gw/recipes", ctx -> withAccount(ctx, who -> recipe(ctx, who)));
        app.get("/gw/recipes", ctx -> withAccount(ctx, who -> namedRecipes(ctx, who)));
        app.post("/gw/recipes/{name}", ctx -> withAccount(ctx, who -> applyNamed(ctx, who)));
        app.post("/gw/programs", ctx -> withAccount(ctx, who -> program(ctx, who)));
        app.get("/gw/approvals", ctx -> withAccount(ctx, who -> approvals(ctx, who)));
        app.post("/gw/approvals/{id}/approve", ctx -> withAccount(ctx, who -> approve(ctx, who)));
        app.post("/gw/approvals/{id}/reject", ctx -> withAccount(ctx, who -> reject(ctx, who)));
        app.post("/gw/approvals/{id}/withdraw", ctx -> withAccount(ctx, who -> withdraw(ctx, who)));
        app.post("/gw/logout", ctx -> withAccount(ctx, who -> logout(ctx, who)));
        app.exception(
                AccessGateway.AuditUnavailableException.class,
                (e, ctx) ->
                        ConsoleServer.problem(ctx, 503, "Service Unavailable", e.getMessage() + "; nothing was done"));
    }

    private static Map<String, Object> me(Account who) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", who.name());
        m.put("roles", who.roles().stream().sorted().toList());
        m.put("kind", who instanceof ServiceAccount ? "service" : "person");
        m.put("attributes", new java.util.TreeMap<>(who.attributes()));
        return m;
    }

    @FunctionalInterface
    private interface Handler {
        void handle(Account who) throws Exception;
    }

    private void withAccount(Context ctx, Handler h) throws Exception {
        Optional<Account> who = authenticate(ctx);
        if (who.isEmpty()) {
            gateway.unauthenticated(
                    source(ctx), ctx.method() + " " + ctx.path(), "no valid session or client certificate");
            ctx.header("WWW-Authenticate", "Bearer");
            ConsoleServer.problem(
                    ctx, 401, "Unauthorized", "log in at POST /gw/login, or present a mapped client certificate");
            return;
        }
        h.handle(who.get());
    }

    private Optional<Account> authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return gateway.session(auth.substring(7).trim());
        }
        Object certs = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
        if (certs instanceof X509Certificate[] chain && chain.length > 0 && issuers.issued(chain)) {
            return clientCertificate(chain[0]).flatMap(gateway::certificate);
        }
        return Optional.empty();
    }

    /**
     * The names a service account is mapped by: the subject in canonical RFC 2253 form, and the DNS
     * and URI subject alternative names (others are not used for mapping). Empty for a certificate
     * whose names cannot be read or that carries more SANs than are looked at.
     */
    static Optional<ClientCertificate> clientCertificate(X509Certificate cert) {
        String subject = cert.getSubjectX500Principal().getName(X500Principal.CANONICAL);
        Set<SubjectAltName> names = new HashSet<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                if (sans.size() > ClientCertificate.MAX_ALT_NAMES) {
                    return Optional.empty();
                }
                for (List<?> san : sans) {
                    altName(san).ifPresent(names::add);
                }
            }
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        return Optional.of(new ClientCertificate(subject, names));
    }

    private static Optional<SubjectAltName> altName(List<?> san) {
        if (san.size() < 2 || !(san.get(0) instanceof Integer tag) || !(san.get(1) instanceof String value)) {
            return Optional.empty();
        }
        for (SubjectAltName.Kind kind : SubjectAltName.Kind.values()) {
            if (kind.tag() == tag) {
                try {
                    return Optional.of(new SubjectAltName(kind, value));
                } catch (IllegalArgumentException e) {
                    // a name no account could require (a wildcard, say): not a mapping name
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private void login(Context ctx) {
        JsonNode body = body(ctx);
        InetAddress source = source(ctx);
        AccessGateway.Login login;
        if (body.hasNonNull("token")) {
            login = gateway.loginWithToken(text(body, "token", 8192), source);
        } else {
            login = gateway.login(
                    text(body, "user", 64), text(body, "password", 1024).toCharArray(), text(body, "totp", 16), source);
        }
        switch (login.result()) {
            case LoginResult.Success s -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("token", login.token().orElseThrow());
                out.put("account", s.account().name());
                out.put("roles", s.account().roles().stream().sorted().toList());
                out.put("kind", s.account() instanceof ServiceAccount ? "service" : "person");
                ctx.json(out);
            }
            case LoginResult.Locked l -> {
                ctx.header(
                        "Retry-After",
                        Long.toString(Math.max(
                                1,
                                Duration.between(java.time.Instant.now(), l.until())
                                        .toSeconds())));
                ConsoleServer.problem(
                        ctx, 429, "Too Many Requests", "too many failed logins; try again after " + l.until());
            }
            case LoginResult.Failure f -> ConsoleServer.problem(ctx, 401, "Unauthorized", "login failed");
        }
    }

    private void read(Context ctx, Account who) {
        TagPath tag = TagPath.parse(ctx.pathParam("path"));
        switch (gateway.read(who, source(ctx), tag)) {
            case ReadResult.Value v -> ctx.json(SampleJson.of(v.sample()));
            case ReadResult.Denied d -> ConsoleServer.problem(ctx, 403, "Forbidden", d.reason() + ": " + d.detail());
            case ReadResult.NotFound n -> ConsoleServer.problem(ctx, 404, "Not Found", n.detail());
        }
    }

    private void writes(Context ctx, Account who) {
        List<WriteItem> list = items(body(ctx), true);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ItemResult r : gateway.write(who, source(ctx), list)) {
            out.add(itemJson(r));
        }
        ctx.json(Map.of("items", out));
    }

    /** The {@code items} of a write batch or recipe; a recipe's values are numbers (setpoints), a batch's may be booleans. */
    private static List<WriteItem> items(JsonNode body, boolean booleans) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("the body has \"items\": [{\"tag\": \"...\", \"value\": 1.0}, ...]");
        }
        List<WriteItem> list = new ArrayList<>();
        for (JsonNode i : items) {
            JsonNode value = i.get("value");
            if (!i.isObject() || value == null || !(value.isNumber() || (booleans && value.isBoolean()))) {
                throw new IllegalArgumentException("item " + (list.size() + 1) + " needs a tag and a numeric"
                        + (booleans ? " or boolean" : "") + " value");
            }
            double v = value.isBoolean() ? (value.booleanValue() ? 1 : 0) : value.doubleValue();
            list.add(new WriteItem(TagPath.parse(text(i, "tag", 512)), v));
        }
        return list;
    }

    /**
     * A recipe, {@code {"name", "description"?, "items": [{"tag", "value"}]}}: 200 executed or
     * pending (one approval for all items), 403 naming every denied item, 502 with each item's
     * outcome when a run failed, 400 for a malformed recipe (docs/access.md).
     */
    private void recipe(Context ctx, Account who) {
        JsonNode b = body(ctx);
        String description = b.hasNonNull("description") ? text(b, "description", 1000) : "";
        Recipe r = new Recipe(text(b, "name", 256), description, items(b, false));
        if (named.containsKey(r.name())) {
            throw new IllegalArgumentException("recipe " + r.name() + " is a configured recipe: apply it with POST"
                    + " /gw/recipes/" + r.name() + ", or give an ad hoc recipe another name");
        }
        answer(ctx, r, gateway.recipe(who, source(ctx), r));
    }

    /** The named recipes whose every item the caller may read ({@link AccessGateway#visibleRecipes}). */
    private void namedRecipes(Context ctx, Account who) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Recipe r : gateway.visibleRecipes(who, source(ctx), List.copyOf(named.values()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("description", r.description());
            m.put("items", itemsJson(r));
            out.add(m);
        }
        ctx.json(Map.of("recipes", out));
    }

    /**
     * A named recipe applied: decided, approved, executed and recorded exactly as the same recipe
     * sent to {@code POST /gw/recipes} (its records carry {@code recipe=NAME}); 404 for a name the
     * configuration does not have.
     */
    private void applyNamed(Context ctx, Account who) {
        Recipe r = named.get(ctx.pathParam("name"));
        if (r == null) {
            ConsoleServer.problem(
                    ctx,
                    404,
                    "Not Found",
                    "no configured recipe " + ctx.pathParam("name") + "; GET /gw/recipes lists them");
            return;
        }
        answer(ctx, r, gateway.recipe(who, source(ctx), r));
    }

    private static void answer(Context ctx, Recipe r, RecipeResult result) {
        switch (result) {
            case RecipeResult.Executed e -> {
                Map<String, Object> m = recipeJson(r, "executed");
                m.put("request", e.id());
                ctx.json(m);
            }
            case RecipeResult.Pending p -> {
                Map<String, Object> m = recipeJson(r, "pending");
                m.put("approval", p.approval().id());
                m.put("expires", p.approval().expires().toString());
                ctx.json(m);
            }
            case RecipeResult.Denied d -> {
                StringBuilder detail = new StringBuilder("recipe " + r.name() + " denied, nothing was sent:");
                for (ItemResult.Denied i : d.items()) {
                    detail.append(' ')
                            .append(i.tag())
                            .append(" (")
                            .append(i.reason())
                            .append(": ")
                            .append(i.detail())
                            .append(')');
                }
                ConsoleServer.problem(ctx, 403, "Forbidden", detail.toString());
            }
            case RecipeResult.Failed f -> ConsoleServer.problem(ctx, 502, "Bad Gateway", AccessGateway.summary(f));
        }
    }

    private static Map<String, Object> recipeJson(Recipe r, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipe", r.name());
        m.put("status", status);
        m.put("items", itemsJson(r));
        return m;
    }

    private static List<Map<String, Object>> itemsJson(Recipe r) {
        return r.items().stream()
                .map(i -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("tag", i.tag().toString());
                    m.put("value", i.value());
                    return m;
                })
                .toList();
    }

    /** A program transfer: 403 when the rules deny it, else 501 since no driver can carry it (docs/access.md). */
    private void program(Context ctx, Account who) {
        JsonNode b = body(ctx);
        ProgramRequest q =
                new ProgramRequest(TagPath.parse(text(b, "tag", 512)), text(b, "name", 64), text(b, "sha256", 64));
        switch (gateway.program(who, source(ctx), q)) {
            case ProgramResult.Denied d -> ConsoleServer.problem(ctx, 403, "Forbidden", d.reason() + ": " + d.detail());
            case ProgramResult.Unsupported u ->
                ConsoleServer.problem(
                        ctx, 501, "Not Implemented", AccessGateway.NO_PROGRAM_TRANSFER + ": " + u.detail());
        }
    }

    /**
     * Without {@code state}: the requests the caller may see (own, approved, approvable), open and
     * decided; {@code state=pending}: open ones only; {@code state=unknown-outcome}: changes that were
     * being sent when the gateway stopped, which an operator must check on the device.
     */
    private void approvals(Context ctx, Account who) {
        String state = ctx.queryParam("state");
        List<Approval> list;
        if (state == null) {
            list = gateway.visibleApprovals(who, source(ctx));
        } else {
            list = switch (state) {
                case "pending" ->
                    gateway.visibleApprovals(who, source(ctx)).stream()
                            .filter(a -> a.state() == Approval.State.PENDING)
                            .toList();
                case "unknown-outcome" -> gateway.unknownOutcome();
                default ->
                    throw new IllegalArgumentException(
                            "'state' is pending or unknown-outcome (or absent for every visible request), not '" + state
                                    + "'");
            };
        }
        ctx.json(Map.of("items", list.stream().map(GatewayRoutes::approvalJson).toList()));
    }

    private void approve(Context ctx, Account who) {
        String id = ctx.pathParam("id");
        switch (gateway.approve(who, source(ctx), id)) {
            case ApproveResult.Executed e -> ctx.json(approvalJson(e.approval()));
            case ApproveResult.Failed f ->
                ConsoleServer.problem(
                        ctx, 502, "Bad Gateway", "approved, but the device did not confirm: " + f.detail());
            case ApproveResult.Refused r -> {
                int status = switch (r.reason()) {
                    case NOT_FOUND -> 404;
                    case SELF_APPROVAL, NOT_AN_APPROVER, CONDUIT_DENIED, SELF_REJECTION, NOT_REQUESTER -> 403;
                    case EXPIRED -> 410;
                    case ALREADY_DECIDED -> 409;
                };
                ConsoleServer.problem(ctx, status, title(status), r.reason().id() + ": " + r.detail());
            }
        }
    }

    /** The largest rejection reason kept: one sentence for the requester and the audit record. */
    static final int MAX_REASON = 500;

    /** A second person's "no", with an optional {@code {"reason": "..."}}; the change is never executed. */
    private void reject(Context ctx, Account who) {
        JsonNode body = optionalBody(ctx);
        String reason = body.hasNonNull("reason") ? text(body, "reason", MAX_REASON) : "";
        answer(ctx, gateway.reject(who, source(ctx), ctx.pathParam("id"), reason));
    }

    /** The requester takes back their own pending request. */
    private void withdraw(Context ctx, Account who) {
        answer(ctx, gateway.withdraw(who, source(ctx), ctx.pathParam("id")));
    }

    private static void answer(Context ctx, RejectResult result) {
        switch (result) {
            case RejectResult.Closed c -> ctx.json(approvalJson(c.approval()));
            case RejectResult.Refused r -> {
                // a request that is no longer pending (decided, withdrawn or expired) is a conflict
                // with its state: 409 for all of them, the detail says which
                int status = switch (r.reason()) {
                    case NOT_FOUND -> 404;
                    case SELF_APPROVAL, NOT_AN_APPROVER, CONDUIT_DENIED, SELF_REJECTION, NOT_REQUESTER -> 403;
                    case EXPIRED, ALREADY_DECIDED -> 409;
                };
                ConsoleServer.problem(ctx, status, title(status), r.reason().id() + ": " + r.detail());
            }
        }
    }

    /**
     * Sign-out: the bearer token is revoked at once (its next use answers 401). A client that
     * authenticated by certificate has no session to end (400).
     */
    private void logout(Context ctx, Account who) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            throw new IllegalArgumentException(
                    "a client certificate has no session to end; sign-out is for a bearer token from POST /gw/login");
        }
        if (!gateway.logout(auth.substring(7).trim(), source(ctx))) {
            ConsoleServer.problem(ctx, 401, "Unauthorized", "the session had already ended");
            return;
        }
        ctx.json(Map.of("account", who.name(), "state", "signed-out"));
    }

    private static String title(int status) {
        return switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            default -> "Error";
        };
    }

    private static Map<String, Object> itemJson(ItemResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", r.tag().toString());
        switch (r) {
            case ItemResult.Executed e -> m.put("status", "executed");
            case ItemResult.Pending p -> {
                m.put("status", "pending");
                m.put("approval", p.approval().id());
                m.put("expires", p.approval().expires().toString());
            }
            case ItemResult.Denied d -> {
                m.put("status", "denied");
                m.put("reason", d.reason());
                m.put("detail", d.detail());
            }
            case ItemResult.Failed f -> {
                m.put("status", "failed");
                m.put("detail", f.detail());
            }
        }
        return m;
    }

    static Map<String, Object> approvalJson(Approval a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("state", a.state().id());
        m.put("tag", a.item().tag().toString());
        m.put("value", a.item().value());
        m.put("action", a.action().id());
        m.put("requester", a.requester());
        m.put("approver", a.approver());
        m.put("created", a.created().toString());
        m.put("expires", a.expires().toString());
        // who took it out of pending, when, and a rejecter's reason: the requester's answer without
        // the audit log (null while pending; decidedBy null for an expiry, reason null unless given)
        m.put("decidedBy", a.decidedBy().isEmpty() ? null : a.decidedBy());
        m.put("decided", a.decided().map(Object::toString).orElse(null));
        m.put("reason", a.reason().isEmpty() ? null : a.reason());
        // a recipe: its name and every item, so the approver sees all of what they approve at once
        a.recipe().ifPresent(r -> {
            m.put("recipe", r.name());
            m.put("description", r.description().isEmpty() ? null : r.description());
            m.put("items", itemsJson(r));
        });
        return m;
    }

    /** A body that may be empty (then an empty object). */
    private JsonNode optionalBody(Context ctx) {
        if (ctx.contentLength() == 0 || (ctx.contentLength() < 0 && ctx.bodyAsBytes().length == 0)) {
            return json.createObjectNode();
        }
        return body(ctx);
    }

    private JsonNode body(Context ctx) {
        if (ctx.contentLength() > MAX_BODY) {
            throw new IllegalArgumentException("the request body is larger than " + MAX_BODY + " bytes");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("the request body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode n;
        try {
            n = json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable request body: not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the request body is a JSON object");
        }
        return n;
    }

    private static String text(JsonNode n, String field, int max) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().length() > max) {
            throw new IllegalArgumentException("'" + field + "' is a string of at most " + max + " characters");
        }
        return v.textValue();
    }

    private static InetAddress source(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("the servlet container gave no numeric remote address", e);
        }
    }
}
