package io.isthmus.access.gateway;

import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.Authenticator;
import io.isthmus.access.identity.ClientCertificate;
import io.isthmus.access.identity.LoginResult;
import io.isthmus.model.AccessKind;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessDecision;
import io.isthmus.policy.AccessRequest;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.AccessRules;
import io.isthmus.policy.Decision;
import io.isthmus.policy.Operation;
import io.isthmus.policy.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The policy enforcement point (NIST SP 800-207): every request authenticated, every item decided
 * on its own by the access rules (deny by default), changes in protected zones held for a second
 * person, and every change sent to the plant only over {@link OtPath} and only if the
 * zones-and-conduits policy allows the operation from the gateway's own address to the device.
 * Each login, decision, approval and execution is appended to the audit log first; when the log
 * cannot take a record, the action is refused ({@link AuditUnavailableException}) — fail closed.
 */
public final class AccessGateway {
    private final Authenticator auth;
    private final Policy policy;
    private final AccessRules rules;
    private final OtPath ot;
    private final Function<TagPath, Optional<Sample>> latest;
    private final AuditLog audit;
    private final Consumer<AuditEvent> listener;
    private final Clock clock;
    private final InetAddress gatewayAddress;
    private final GatewayLimits limits;
    private final Sessions sessions;
    private final Approvals approvals;
    private final RecipeRunner recipes;
    private final AtomicLong requests = new AtomicLong();

    /** Everything the gateway is built from. */
    public record Parts(
            Authenticator auth,
            Policy policy,
            AccessRules rules,
            OtPath ot,
            Function<TagPath, Optional<Sample>> latest,
            AuditLog audit,
            Consumer<AuditEvent> listener,
            Clock clock,
            InetAddress gatewayAddress,
            GatewayLimits limits) {}

    public AccessGateway(Parts p) {
        this.auth = p.auth();
        this.policy = p.policy();
        this.rules = p.rules();
        this.ot = p.ot();
        this.latest = p.latest();
        this.audit = p.audit();
        this.listener = p.listener();
        this.clock = p.clock();
        this.gatewayAddress = p.gatewayAddress();
        this.limits = p.limits();
        this.sessions = new Sessions(limits.sessionLifetime(), limits.maxSessions());
        this.approvals = new Approvals(limits.approvalExpiry(), limits.maxPending());
        this.recipes = new RecipeRunner(ot, policy, gatewayAddress, clock, this::record);
        recover();
    }

    /**
     * Rebuilds unfinished changes from the audit log (sessions are not rebuilt: a restart signs
     * everyone out). Pending approvals are open again; an approved change the device never saw is
     * executed now, once, if its approval has not expired; a change that was being sent when the
     * gateway stopped is marked {@link Approval.State#UNKNOWN_OUTCOME} and never retried.
     */
    private void recover() {
        ApprovalReplay replay = new ApprovalReplay(this::resourceOf, limits.maxPending() * 4);
        try {
            audit.replay(r -> replay.accept(r.event()));
        } catch (IOException e) {
            throw new AuditUnavailableException(e);
        }
        requests.set(replay.lastRequestNumber());
        Instant now = clock.instant();
        // decided (rejected, withdrawn, executed, failed, expired) and pending requests in the order
        // they were made, so the lists stay newest first
        List<Approval> kept = new ArrayList<>(replay.closed());
        for (Approval a : replay.pending()) {
            kept.add(now.isBefore(a.expires()) ? a : a.decided(Approval.State.EXPIRED, "", a.expires(), ""));
        }
        kept.sort(java.util.Comparator.comparing(Approval::created));
        kept.forEach(approvals::restore);
        for (ApprovalReplay.Open o : replay.unknownOutcome()) {
            outcomeUnknown(o, now);
        }
        for (ApprovalReplay.Open o : replay.approvedNotSent()) {
            resume(o, now);
        }
    }

    private void outcomeUnknown(ApprovalReplay.Open o, Instant now) {
        Approval a = o.approval();
        Map<String, String> details = changeDetails(a);
        details.put(
                "reason",
                "the gateway stopped while sending this change; it may or may not have reached the device and is not"
                        + " retried");
        record(new Actor("gateway", gatewayAddress, now)
                .change(a.recordPrefix() + "." + ApprovalReplay.OUTCOME_UNKNOWN, a.id(), AuditResult.FAILURE, details)
                .forced());
        if (a.id().startsWith("apr-")) {
            approvals.restore(a.with(Approval.State.UNKNOWN_OUTCOME, a.approver()));
        }
    }

    /** An approved change the device never saw (no executing record): executed once, before its expiry. */
    private void resume(ApprovalReplay.Open o, Instant now) {
        Approval a = o.approval();
        String approverAddress = o.approverSource().substring(o.approverSource().lastIndexOf('@') + 1);
        InetAddress source;
        try {
            source = InetAddress.getByName(approverAddress.isEmpty() ? "0.0.0.0" : approverAddress);
        } catch (java.net.UnknownHostException e) {
            source = gatewayAddress;
        }
        approvals.restore(a);
        Actor approver = new Actor(a.approver(), source, now);
        if (!now.isBefore(a.expires())) {
            Map<String, String> details = changeDetails(a);
            details.put("reason", ApprovalReplay.EXPIRED_DURING_RESTART);
            record(approver.change(a.recordPrefix() + ".executed", a.id(), AuditResult.DENIED, details)
                    .forced());
            approvals.restore(a.with(Approval.State.EXPIRED, a.approver()));
            return;
        }
        ItemResult r = run(approver, a);
        approvals.finish(a.id(), r instanceof ItemResult.Executed);
    }

    private AccessResource resourceOf(TagPath tag) {
        return ot.resource(tag).orElseGet(() -> new AccessResource(Optional.empty(), tag.equipment(), tag));
    }

    /** The audit log could not take a record, so the action it would record was not done. */
    public static final class AuditUnavailableException extends RuntimeException {
        public AuditUnavailableException(Exception cause) {
            super("the audit log cannot take the record: " + cause.getMessage(), cause);
        }
    }

    /** A login's result and, on success, the session's bearer token. */
    public record Login(LoginResult result, Optional<String> token) {}

    public Login login(String user, char[] password, String code, InetAddress source) {
        Instant now = clock.instant();
        LoginResult r = auth.password(user, password, code, source.getHostAddress(), now);
        return finishLogin(user, r, source, now, "password+totp");
    }

    public Login loginWithToken(String token, InetAddress source) {
        Instant now = clock.instant();
        LoginResult r = auth.token(token, source.getHostAddress(), now);
        String who = r instanceof LoginResult.Success s ? s.account().name() : "token";
        return finishLogin(who, r, source, now, "token");
    }

    private Login finishLogin(String who, LoginResult r, InetAddress source, Instant now, String method) {
        Optional<String> token = Optional.empty();
        AuditResult result = AuditResult.FAILURE;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", method);
        switch (r) {
            case LoginResult.Success s -> {
                token = sessions.open(s.account(), now);
                result = token.isPresent() ? AuditResult.SUCCESS : AuditResult.DENIED;
                if (token.isEmpty()) {
                    details.put("reason", "too many sessions");
                }
            }
            case LoginResult.Failure f -> details.put("reason", f.reason());
            case LoginResult.Locked l -> {
                result = AuditResult.DENIED;
                details.put("reason", "locked until " + l.until());
            }
        }
        record(new Actor(who, source, now).access("login", "", result, details));
        if (r instanceof LoginResult.Success && token.isEmpty()) {
            return new Login(new LoginResult.Failure("too many sessions"), token);
        }
        return new Login(r, token);
    }

    /** The account of a bearer token, if it is a live session. */
    public Optional<Account> session(String bearer) {
        return sessions.find(bearer, clock.instant()).map(Session::account);
    }

    /**
     * The service account a client certificate maps to; the caller has verified that the certificate
     * chains to the CA trusted for service accounts.
     */
    public Optional<Account> certificate(ClientCertificate c) {
        return auth.certificate(c).map(a -> a);
    }

    /**
     * Whether a certificate subject is some service account's: such a certificate is the gateway's
     * and nobody else's (the hub's ingest refuses it even when its CN names an edge).
     */
    public boolean mapsCertificateSubject(String canonicalSubject) {
        return auth.mapsSubject(canonicalSubject);
    }

    /** Records a request that failed authentication (no or bad credentials). */
    public void unauthenticated(InetAddress source, String what, String reason) {
        record(new Actor("anonymous", source, clock.instant())
                .requestError("unauthenticated", AuditResult.DENIED, Map.of("request", what, "reason", reason)));
    }

    public ReadResult read(Account who, InetAddress source, TagPath tag) {
        Instant now = clock.instant();
        Actor by = new Actor(who, source, now);
        String id = requestId();
        Optional<AccessResource> res = ot.resource(tag);
        if (res.isEmpty()) {
            Optional<Sample> s = latest.apply(tag);
            if (s.isEmpty()) {
                // unknown to the device table and to the historian: nothing to decide about
                record(by.access(
                        "read", id, AuditResult.DENIED, Map.of("tag", tag.toString(), "reason", "unknown-tag")));
                return new ReadResult.Denied("unknown-tag", "no such tag");
            }
            res = Optional.of(new AccessResource(Optional.empty(), tag.equipment(), tag));
        }
        AccessDecision d = rules.decide(
                new AccessRequest(who.name(), who.roles(), source, now, AccessKind.READ, res.get(), who.attributes()));
        if (!d.allowed()) {
            record(by.access("read", id, AuditResult.DENIED, decided(tag, d)));
            return new ReadResult.Denied(d.reason().id(), d.explanation());
        }
        record(by.access("read", id, AuditResult.SUCCESS, decided(tag, d)));
        return latest.apply(tag)
                .<ReadResult>map(ReadResult.Value::new)
                .orElseGet(() -> new ReadResult.NotFound("no value recorded yet for " + tag));
    }

    /** Decides each item on its own: a denied item does not stop the others, an allowed one does not carry them. */
    public List<ItemResult> write(Account who, InetAddress source, List<WriteItem> items) {
        if (items.isEmpty() || items.size() > limits.maxBatch()) {
            throw new IllegalArgumentException(
                    "a write request has 1.." + limits.maxBatch() + " items, not " + items.size());
        }
        List<ItemResult> out = new ArrayList<>(items.size());
        for (WriteItem item : items) {
            out.add(writeOne(who, source, item));
        }
        return out;
    }

    /**
     * A recipe: checked ({@link Recipe#validated}, every tag known and writable in a recipe, else
     * {@link IllegalArgumentException}), then each item decided on its own by the access rules with
     * the {@code write} action. One denied item denies the whole recipe (all denied items named) and
     * nothing is sent; when any item needs approval, one approval request holds the whole recipe;
     * otherwise it executes at once. One {@code recipe.*} record chain, whatever happens.
     */
    public RecipeResult recipe(Account who, InetAddress source, Recipe r) {
        r.validated(RecipeLimits.DEFAULT);
        Instant now = clock.instant();
        Actor by = new Actor(who, source, now);
        String id = requestId();
        Map<String, String> details = RecipeRecords.put(new LinkedHashMap<>(), r);
        List<AccessResource> resources = new ArrayList<>();
        for (WriteItem item : r.items()) {
            Optional<AccessResource> res = ot.resource(item.tag());
            if (res.isEmpty()) {
                throw invalid(by, id, details, "the gateway knows no writable tag " + item.tag());
            }
            resources.add(res.get());
        }
        try {
            ot.plan(r.items());
        } catch (IllegalArgumentException e) {
            throw invalid(by, id, details, e.getMessage());
        }
        List<ItemResult.Denied> denied = new ArrayList<>();
        List<Integer> deniedIndexes = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        boolean needsApproval = false;
        for (int i = 0; i < r.items().size(); i++) {
            AccessDecision d = rules.decide(new AccessRequest(
                    who.name(), who.roles(), source, now, AccessKind.WRITE, resources.get(i), who.attributes()));
            if (!ruleIds.contains(d.rule())) {
                ruleIds.add(d.rule());
            }
            switch (d.outcome()) {
                case DENY -> {
                    denied.add(new ItemResult.Denied(
                            r.items().get(i).tag(), d.reason().id(), d.explanation()));
                    deniedIndexes.add(i);
                }
                case NEEDS_APPROVAL -> needsApproval = true;
                case ALLOW -> {
                    // allowed on its own; the recipe still waits if another item needs approval
                }
            }
        }
        details.put("rule", String.join(",", ruleIds));
        String type = RecipeRecords.PREFIX + ".requested";
        if (!denied.isEmpty()) {
            details.put("denied", RecipeRecords.numbers(deniedIndexes));
            details.put("reason", denied.getFirst().reason());
            record(by.change(type, id, AuditResult.DENIED, details));
            return new RecipeResult.Denied(denied);
        }
        if (needsApproval) {
            Optional<Approval> a = approvals.openRecipe(who.name(), r, resources.getFirst(), now);
            if (a.isEmpty()) {
                details.put("reason", "too many pending approvals");
                record(by.change(type, id, AuditResult.DENIED, details));
                return new RecipeResult.Denied(List.of(new ItemResult.Denied(
                        r.items().getFirst().tag(), "too-many-pending", "too many approvals are pending")));
            }
            details.put("expires", a.get().expires().toString());
            record(by.change(type, a.get().id(), AuditResult.PENDING, details).forced());
            return new RecipeResult.Pending(a.get());
        }
        record(by.change(type, id, AuditResult.SUCCESS, details));
        return recipes.execute(by, id, r, "");
    }

    /**
     * The configured recipes {@code who} may see from {@code source} now: those whose every item
     * they may read by the access rules (the {@code read} action on the item's resource). A recipe
     * with one unreadable item is left out whole, so a list never shows part of a recipe; listing
     * is not recorded (applying is, as any recipe).
     */
    public List<Recipe> visibleRecipes(Account who, InetAddress source, List<Recipe> configured) {
        Instant now = clock.instant();
        return configured.stream()
                .filter(r -> r.items().stream().allMatch(i -> mayRead(who, source, now, i.tag())))
                .toList();
    }

    private boolean mayRead(Account who, InetAddress source, Instant now, TagPath tag) {
        Optional<AccessResource> res = ot.resource(tag);
        return res.isPresent()
                && rules.decide(new AccessRequest(
                                who.name(), who.roles(), source, now, AccessKind.READ, res.get(), who.attributes()))
                        .allowed();
    }

    /** Records a recipe refused as invalid (unknown or unwritable item) and returns the exception to throw. */
    private IllegalArgumentException invalid(Actor by, String id, Map<String, String> details, String why) {
        details.put("reason", "invalid: " + why);
        record(by.change(RecipeRecords.PREFIX + ".requested", id, AuditResult.DENIED, details));
        return new IllegalArgumentException(why);
    }

    private ItemResult writeOne(Account who, InetAddress source, WriteItem item) {
        Instant now = clock.instant();
        Actor by = new Actor(who, source, now);
        String id = requestId();
        Optional<AccessResource> res = ot.resource(item.tag());
        if (res.isEmpty()) {
            record(by.change(
                    "write.requested",
                    id,
                    AuditResult.DENIED,
                    Map.of("tag", item.tag().toString(), "reason", "unknown-tag")));
            return new ItemResult.Denied(item.tag(), "unknown-tag", "the gateway knows no writable tag " + item.tag());
        }
        AccessKind action = ot.changeKind(item.tag());
        AccessDecision d = rules.decide(
                new AccessRequest(who.name(), who.roles(), source, now, action, res.get(), who.attributes()));
        Map<String, String> details = decided(item.tag(), d);
        details.put("value", Double.toString(item.value()));
        details.put("action", action.id());
        String type = action.id() + ".requested";
        return switch (d.outcome()) {
            case DENY -> {
                record(by.change(type, id, AuditResult.DENIED, details));
                yield new ItemResult.Denied(item.tag(), d.reason().id(), d.explanation());
            }
            case NEEDS_APPROVAL -> {
                Optional<Approval> a = approvals.open(who.name(), item, action, res.get(), now);
                if (a.isEmpty()) {
                    details.put("reason", "too many pending approvals");
                    record(by.change(type, id, AuditResult.DENIED, details));
                    yield new ItemResult.Denied(item.tag(), "too-many-pending", "too many approvals are pending");
                }
                details.put("expires", a.get().expires().toString());
                record(by.change(type, a.get().id(), AuditResult.PENDING, details)
                        .forced());
                yield new ItemResult.Pending(item.tag(), a.get());
            }
            case ALLOW -> {
                record(by.change(type, id, AuditResult.SUCCESS, details));
                yield execute(by, id, item, action, "");
            }
        };
    }

    /** The reason recorded when a program transfer is allowed by the rules but no driver can carry it. */
    public static final String NO_PROGRAM_TRANSFER = "no-program-transfer";

    /**
     * A program transfer to the device of {@code q.tag()}: decided by the access rules like any
     * change ({@code program} action; deny by default), recorded as {@code program.requested}. No
     * driver of this gateway transfers programs (Modbus/TCP has no such function), so a request the
     * rules allow or would hold for approval is refused as unsupported: recorded with result denied
     * and reason {@link #NO_PROGRAM_TRANSFER}, no approval opened, nothing sent. A denial by the
     * rules comes first, so nobody without the grant learns what the gateway can do.
     */
    public ProgramResult program(Account who, InetAddress source, ProgramRequest q) {
        Instant now = clock.instant();
        Actor by = new Actor(who, source, now);
        String id = requestId();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("tag", q.tag().toString());
        details.put("program", q.name());
        details.put("sha256", q.sha256());
        Optional<AccessResource> res = ot.resource(q.tag());
        if (res.isEmpty()) {
            details.put("reason", "unknown-tag");
            record(by.change("program.requested", id, AuditResult.DENIED, details));
            return new ProgramResult.Denied("unknown-tag", "the gateway knows no device with tag " + q.tag());
        }
        AccessDecision d = rules.decide(new AccessRequest(
                who.name(), who.roles(), source, now, AccessKind.PROGRAM, res.get(), who.attributes()));
        details.putAll(decided(q.tag(), d));
        details.put("program", q.name());
        details.put("sha256", q.sha256());
        if (d.outcome() == AccessDecision.Outcome.DENY) {
            record(by.change("program.requested", id, AuditResult.DENIED, details));
            return new ProgramResult.Denied(d.reason().id(), d.explanation());
        }
        String decision = d.outcome() == AccessDecision.Outcome.ALLOW ? "allow" : "needs-approval";
        details.put("decision", decision);
        details.put("reason", NO_PROGRAM_TRANSFER);
        record(by.change("program.requested", id, AuditResult.DENIED, details));
        return new ProgramResult.Unsupported(
                decision,
                "no driver of this gateway transfers programs to " + res.get().asset()
                        + " (Modbus/TCP has no program transfer); nothing was sent and no approval was opened");
    }

    /** The two-person rule: another person, allowed to approve this resource, before the expiry; executes once. */
    public ApproveResult approve(Account who, InetAddress source, String approvalId) {
        Instant now = clock.instant();
        Actor by = new Actor(who, source, now);
        Optional<ApproveResult.Refused> no = refusedBeforeClaim(who, source, now, approvalId, ApprovalAttempt.APPROVE);
        if (no.isPresent()) {
            return refused(by, approvalId, ApprovalAttempt.APPROVE, no.get());
        }
        return switch (approvals.claim(approvalId, who.name(), now)) {
            case Approvals.Claim.Won w -> approved(by, w.approval());
            case Approvals.Claim lost ->
                refused(by, approvalId, ApprovalAttempt.APPROVE, ApprovalAttempt.APPROVE.refusal(lost, approvalId));
        };
    }

    /**
     * The checks an approval or rejection passes before it claims the request: it exists, it is not
     * {@code who}'s own, and {@code who} may approve it from {@code source} now.
     */
    private Optional<ApproveResult.Refused> refusedBeforeClaim(
            Account who, InetAddress source, Instant now, String id, ApprovalAttempt attempt) {
        Optional<Approval> found = approvals.find(id);
        if (found.isEmpty()) {
            return Optional.of(ApprovalAttempt.notFound(id));
        }
        if (found.get().requester().equals(who.name())) {
            return Optional.of(attempt.ownRequest());
        }
        AccessDecision may = mayApprove(who, source, now, found.get());
        return may.allowed()
                ? Optional.empty()
                : Optional.of(new ApproveResult.Refused(ApproveResult.Refusal.NOT_AN_APPROVER, may.explanation()));
    }

    /** Records a refused approve, reject or withdraw ({@code approval}, result denied) and returns the refusal. */
    private ApproveResult.Refused refused(Actor by, String id, ApprovalAttempt attempt, ApproveResult.Refused r) {
        record(by.change("approval", id, AuditResult.DENIED, attempt.details(r)));
        return r;
    }

    /**
     * A second person's "no": the same conditions as {@link #approve} (not the requester, an
     * {@code approve} permission on the resource whose conditions hold, the request still pending),
     * and the same single transition out of pending, so a rejection and an approval never both win.
     * The change is never executed; the rejection is a durable {@code *.rejected} record (result
     * denied) carrying the optional {@code reason}.
     */
    public RejectResult reject(Account who, InetAddress source, String approvalId, String reason) {
        Instant now = clock.instant();
        Actor by = new Actor(who, source, now);
        Optional<ApproveResult.Refused> no = refusedBeforeClaim(who, source, now, approvalId, ApprovalAttempt.REJECT);
        if (no.isPresent()) {
            return rejectionRefused(by, approvalId, ApprovalAttempt.REJECT, no.get());
        }
        return closed(
                by, approvalId, ApprovalAttempt.REJECT, approvals.reject(approvalId, who.name(), now, reason), reason);
    }

    /**
     * The requester takes back their own pending request (a typo, a change no longer wanted), so it
     * does not wait for a second person until it expires. Recorded as a durable {@code *.withdrawn}.
     */
    public RejectResult withdraw(Account who, InetAddress source, String approvalId) {
        Instant now = clock.instant();
        Actor by = new Actor(who, source, now);
        return closed(by, approvalId, ApprovalAttempt.WITHDRAW, approvals.withdraw(approvalId, who.name(), now), "");
    }

    private RejectResult closed(Actor by, String id, ApprovalAttempt attempt, Approvals.Claim claim, String reason) {
        return switch (claim) {
            case Approvals.Claim.Won w -> {
                Approval a = w.approval();
                Map<String, String> details = changeDetails(a);
                if (!reason.isBlank()) {
                    details.put("reason", reason.strip());
                }
                boolean rejected = a.state() == Approval.State.REJECTED;
                record(by.change(
                                a.recordPrefix() + "."
                                        + (rejected ? ApprovalReplay.REJECTED : ApprovalReplay.WITHDRAWN),
                                a.id(),
                                rejected ? AuditResult.DENIED : AuditResult.SUCCESS,
                                details)
                        .forced());
                yield new RejectResult.Closed(a);
            }
            case Approvals.Claim lost -> rejectionRefused(by, id, attempt, attempt.refusal(lost, id));
        };
    }

    private RejectResult rejectionRefused(Actor by, String id, ApprovalAttempt attempt, ApproveResult.Refused r) {
        refused(by, id, attempt, r);
        return new RejectResult.Refused(r.reason(), r.detail());
    }

    /**
     * Sign-out: the session's token is forgotten at once, so its next use is refused (401) even
     * though it had not expired; recorded as {@code logout}. False when it was not a live session.
     */
    public boolean logout(String bearer, InetAddress source) {
        Instant now = clock.instant();
        Optional<Session> s = sessions.close(bearer, now);
        if (s.isEmpty()) {
            return false;
        }
        record(new Actor(s.get().account(), source, now)
                .access("logout", "", AuditResult.SUCCESS, Map.of("method", "session")));
        return true;
    }

    private ApproveResult approved(Actor by, Approval a) {
        Map<String, String> details = changeDetails(a);
        record(by.change(a.recordPrefix() + ".approved", a.id(), AuditResult.SUCCESS, details)
                .forced());
        ItemResult r = run(by, a);
        Approval done = approvals.finish(a.id(), r instanceof ItemResult.Executed);
        return switch (r) {
            case ItemResult.Executed e -> new ApproveResult.Executed(done);
            case ItemResult.Failed f -> new ApproveResult.Failed(done, f.detail());
            case ItemResult.Denied d -> new ApproveResult.Refused(ApproveResult.Refusal.CONDUIT_DENIED, d.detail());
            case ItemResult.Pending p -> throw new IllegalStateException("an execution is never pending");
        };
    }

    /** The conduit check, the durable record, then the device: nothing reaches the plant another way. */
    private ItemResult execute(Actor caller, String id, WriteItem item, AccessKind action, String requester) {
        Actor by = caller.at(clock.instant());
        String executed = action.id() + ".executed";
        Map<String, String> details = new LinkedHashMap<>();
        details.put("tag", item.tag().toString());
        details.put("value", Double.toString(item.value()));
        if (!requester.isEmpty()) {
            details.put("requester", requester);
        }
        Operation op;
        try {
            op = RecipeRunner.fromGateway(gatewayAddress, ot.operation(item));
        } catch (IllegalArgumentException e) {
            details.put("reason", e.getMessage());
            record(by.change(executed, id, AuditResult.DENIED, details));
            return new ItemResult.Denied(item.tag(), "not-writable", e.getMessage());
        }
        Decision conduit = policy.decide(op);
        details.put("conduit", conduit.rule());
        if (!conduit.allowed()) {
            details.put("reason", conduit.reason().id());
            record(by.change(executed, id, AuditResult.DENIED, details));
            return new ItemResult.Denied(item.tag(), "conduit-denied", conduit.explanation());
        }
        record(by.change(action.id() + ".executing", id, AuditResult.PENDING, details)
                .forced());
        try {
            ot.execute(item);
        } catch (IOException e) {
            details.put("reason", String.valueOf(e.getMessage()));
            record(by.at(clock.instant())
                    .change(executed, id, AuditResult.FAILURE, details)
                    .forced());
            return new ItemResult.Failed(item.tag(), String.valueOf(e.getMessage()));
        }
        record(by.at(clock.instant())
                .change(executed, id, AuditResult.SUCCESS, details)
                .forced());
        return new ItemResult.Executed(item.tag());
    }

    public List<Approval> pending() {
        return approvals.pending(clock.instant());
    }

    /** Changes that were being sent when the gateway stopped: an operator must check the device. */
    public List<Approval> unknownOutcome() {
        return approvals.unknownOutcome();
    }

    /**
     * The approval requests {@code who} may see, newest first: their own, those they approved, and
     * those on resources they may approve (whose conditions hold for {@code source} now).
     */
    public List<Approval> visibleApprovals(Account who, InetAddress source) {
        Instant now = clock.instant();
        List<Approval> out = new ArrayList<>();
        for (Approval a : approvals.all(now)) {
            if (a.requester().equals(who.name())
                    || a.approver().equals(who.name())
                    || mayApprove(who, source, now, a).allowed()) {
                out.addFirst(a);
            }
        }
        return out;
    }

    /** One approval request as it stands now: a pending one past its expiry reads as expired. */
    public Optional<Approval> approval(String id) {
        return approvals.find(id, clock.instant());
    }

    /**
     * The details that name an approval's change in its records: tag and value, or a recipe's name
     * and items; and its requester.
     */
    private static Map<String, String> changeDetails(Approval a) {
        Map<String, String> details = new LinkedHashMap<>();
        if (a.recipe().isPresent()) {
            RecipeRecords.put(details, a.recipe().get());
        } else {
            details.put("tag", a.item().tag().toString());
            details.put("value", Double.toString(a.item().value()));
        }
        details.put("requester", a.requester());
        return details;
    }

    /**
     * Whether {@code who} may approve (or reject, or see) {@code a}: for a recipe, every item's
     * resource must be one they may approve; the first refusal is the answer.
     */
    private AccessDecision mayApprove(Account who, InetAddress source, Instant now, Approval a) {
        AccessDecision may = rules.mayApprove(who.roles(), who.attributes(), source, now, a.resource());
        if (a.recipe().isEmpty() || !may.allowed()) {
            return may;
        }
        for (WriteItem item : a.recipe().get().items()) {
            AccessDecision d = rules.mayApprove(who.roles(), who.attributes(), source, now, resourceOf(item.tag()));
            if (!d.allowed()) {
                return d;
            }
        }
        return may;
    }

    /** Executes an approved change, a single one or a recipe, as one item's result. */
    private ItemResult run(Actor by, Approval a) {
        if (a.recipe().isEmpty()) {
            return execute(by, a.id(), a.item(), a.action(), a.requester());
        }
        TagPath first = a.item().tag();
        return switch (recipes.execute(by, a.id(), a.recipe().get(), a.requester())) {
            case RecipeResult.Executed e -> new ItemResult.Executed(first);
            case RecipeResult.Denied d -> d.items().getFirst();
            case RecipeResult.Failed f -> new ItemResult.Failed(first, summary(f));
            case RecipeResult.Pending p -> throw new IllegalStateException("an execution is never pending");
        };
    }

    /** A failed recipe in one line: each item's outcome, then the device's answer. */
    public static String summary(RecipeResult.Failed f) {
        StringBuilder b = new StringBuilder("recipe ").append(f.recipe().name()).append(" failed:");
        for (RecipeResult.ItemOutcome o : f.items()) {
            b.append(' ').append(o.tag()).append('=').append(o.outcome().id());
        }
        return b.append("; ").append(f.detail()).toString();
    }

    private static Map<String, String> decided(TagPath tag, AccessDecision d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tag", tag.toString());
        m.put("rule", d.rule());
        m.put("reason", d.reason().id());
        return m;
    }

    private String requestId() {
        return "req-" + requests.incrementAndGet();
    }

    private void record(AuditEntry entry) {
        AuditEvent e = entry.event();
        try {
            audit.append(e, entry.durable());
        } catch (IOException x) {
            throw new AuditUnavailableException(x);
        } catch (UncheckedIOException x) {
            throw new AuditUnavailableException(x.getCause());
        } catch (io.isthmus.access.audit.AuditLogFullException x) {
            throw new AuditUnavailableException(x);
        }
        listener.accept(e);
    }
}
