package io.isthmus.access.gateway;

import io.isthmus.access.audit.AuditCategory;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.model.AccessKind;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rebuilds the gateway's unfinished changes from its own audit records after a restart, so that a
 * pending approval is not lost and an approved change is not executed twice. Pure: it folds the
 * records it is given, in log order.
 *
 * <p>Per change (the record's event id): {@code *.requested} with result pending opens an approval;
 * {@code *.approved} marks it approved; {@code *.executing} (written durably before the device is
 * touched) marks it sent; {@code *.executed}, {@code *.outcome-unknown}, {@code *.rejected} and
 * {@code *.withdrawn} end it. An approval request ended by {@code executed} (executed, failed, or
 * expired during an outage), {@code rejected} or {@code withdrawn} is kept as {@link #closed()},
 * with who decided, when and why, for the approvals list, as it was before the restart. A recipe's
 * records ({@code recipe.*}, each carrying all its items) are folded the same way; its chain may
 * also end with {@code recipe.failed}. What is left
 * when the log ends:
 *
 * <ul>
 *   <li>requested, not approved: {@link #pending()} — open again (or expired, by its own expiry);
 *   <li>approved, never executing: {@link #approvedNotSent()} — the device was not touched, since
 *       the executing record comes first; the gateway executes it once on start, before its expiry;
 *   <li>executing without a result: {@link #unknownOutcome()} — the change may or may not have
 *       reached the device; it is <em>not</em> retried, an operator has to look.
 * </ul>
 *
 * Bounded: at most {@code max} unfinished changes are kept; beyond that the oldest expired ones are
 * forgotten first, then the oldest.
 */
public final class ApprovalReplay {
    /** The type suffix of the record that ends a change whose result nobody knows. */
    public static final String OUTCOME_UNKNOWN = "outcome-unknown";

    /** The type suffix of the record of a request a second person rejected (never executed). */
    public static final String REJECTED = "rejected";

    /** The type suffix of the record of a request its requester withdrew (never executed). */
    public static final String WITHDRAWN = "withdrawn";

    /**
     * The reason of the {@code *.executed} record (denied) of an approved change whose approval
     * expired while the gateway was down; read back as {@link Approval.State#EXPIRED}.
     */
    public static final String EXPIRED_DURING_RESTART =
            "approved, but the approval expired before the gateway restarted; not executed";

    private final Function<TagPath, AccessResource> resources;
    private final int max;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Map<String, Approval> closed = new LinkedHashMap<>();
    private long lastRequest;

    /** One change in flight: its approval (when it had one), its approver's source, its stage. */
    public record Open(Approval approval, String approverSource, Stage stage) {}

    /** How far a change got before the log ended. */
    public enum Stage {
        REQUESTED,
        APPROVED,
        EXECUTING
    }

    public ApprovalReplay(Function<TagPath, AccessResource> resources, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the replay keeps at least one change, not " + max);
        }
        this.resources = resources;
        this.max = max;
    }

    /** Folds one record; records of other components and kinds are ignored. */
    public void accept(AuditEvent e) {
        noteRequestNumber(e.eventId());
        if (e.category() != AuditCategory.CONTROL_SYSTEM || e.eventId().isEmpty()) {
            return;
        }
        int dot = e.type().indexOf('.');
        if (dot < 0) {
            return;
        }
        String stage = e.type().substring(dot + 1);
        switch (stage) {
            case "requested" -> requested(e, e.type().substring(0, dot));
            case "approved" -> approved(e.eventId(), e.source(), e.time());
            case "executing" -> executing(e);
            case "executed", "failed" -> executed(e);
            case OUTCOME_UNKNOWN -> open.remove(e.eventId());
            case REJECTED, WITHDRAWN -> closed(e, stage);
            default -> {
                // other control-system records (refused approvals) change no state
            }
        }
    }

    private void requested(AuditEvent e, String action) {
        if (e.result() != AuditResult.PENDING || !e.eventId().startsWith("apr-")) {
            return;
        }
        Optional<Approval> a = approvalOf(e, action);
        if (a.isEmpty()) {
            return;
        }
        bound(e.time());
        open.put(e.eventId(), new Open(a.get(), "", Stage.REQUESTED));
    }

    /**
     * A rejection or withdrawal ends the change; the approval is kept as decided (who, when, the
     * reason) so that the requester still sees it after a restart, as before it.
     */
    private void closed(AuditEvent e, String stage) {
        Open o = open.remove(e.eventId());
        if (o == null || o.stage() != Stage.REQUESTED) {
            return;
        }
        Approval a = stage.equals(REJECTED)
                ? o.approval()
                        .decided(
                                Approval.State.REJECTED,
                                nameOf(e.source()),
                                e.time(),
                                e.details().getOrDefault("reason", ""))
                : o.approval().decided(Approval.State.WITHDRAWN, "", e.time(), "");
        keep(a);
    }

    /**
     * The end of an execution. An approval request (not a change allowed at once, which has no
     * approval to list) is kept as decided: executed on success; expired when the approval ran out
     * during an outage; failed otherwise (the device refused or did not answer, or the conduit denied
     * the operation), as {@link Approvals#finish} records it in a running gateway.
     */
    private void executed(AuditEvent e) {
        Open o = open.remove(e.eventId());
        if (o == null || !e.eventId().startsWith("apr-") || o.stage() == Stage.REQUESTED) {
            return;
        }
        Approval.State s;
        if (e.result() == AuditResult.SUCCESS) {
            s = Approval.State.EXECUTED;
        } else if (EXPIRED_DURING_RESTART.equals(e.details().get("reason"))) {
            s = Approval.State.EXPIRED;
        } else {
            s = Approval.State.FAILED;
        }
        keep(o.approval().with(s, o.approval().approver()));
    }

    private void keep(Approval a) {
        closed.remove(a.id());
        while (closed.size() >= max) {
            closed.remove(closed.keySet().iterator().next());
        }
        closed.put(a.id(), a);
    }

    /** An execution without approval (allowed at once) is tracked from its executing record. */
    private void executing(AuditEvent e) {
        Open o = open.get(e.eventId());
        if (o != null) {
            open.put(e.eventId(), new Open(o.approval(), o.approverSource(), Stage.EXECUTING));
            return;
        }
        Optional<Approval> a = approvalOf(e, e.type().substring(0, e.type().indexOf('.')));
        if (a.isPresent()) {
            bound(e.time());
            Approval direct = a.get().with(Approval.State.APPROVED, "");
            open.put(e.eventId(), new Open(direct, "", Stage.EXECUTING));
        }
    }

    private void approved(String id, String approverSource, Instant at) {
        Open o = open.get(id);
        if (o == null) {
            return;
        }
        String approver = nameOf(approverSource);
        open.put(
                id,
                new Open(
                        o.approval().decided(Approval.State.APPROVED, approver, at, ""),
                        approverSource,
                        Stage.APPROVED));
    }

    private Optional<Approval> approvalOf(AuditEvent e, String action) {
        if (action.equals(RecipeRecords.PREFIX)) {
            return recipeOf(e);
        }
        String tag = e.details().get("tag");
        String value = e.details().get("value");
        Optional<AccessKind> kind = java.util.Arrays.stream(AccessKind.values())
                .filter(k -> k.id().equals(action))
                .findFirst();
        if (tag == null || value == null || kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            TagPath path = TagPath.parse(tag);
            WriteItem item = new WriteItem(path, Double.parseDouble(value));
            String requester = e.details().getOrDefault("requester", nameOf(e.source()));
            Instant expires = Optional.ofNullable(e.details().get("expires"))
                    .map(Instant::parse)
                    .orElse(e.time());
            return Optional.of(new Approval(
                    e.eventId(),
                    requester,
                    item,
                    kind.get(),
                    resources.apply(path),
                    e.time(),
                    expires,
                    Approval.State.PENDING,
                    ""));
        } catch (RuntimeException bad) {
            // a record this version cannot read back: nothing to resume from it
            return Optional.empty();
        }
    }

    /** A recipe's approval request from one of its records (each carries the whole recipe). */
    private Optional<Approval> recipeOf(AuditEvent e) {
        Optional<Recipe> r = RecipeRecords.read(e.details());
        if (r.isEmpty()) {
            return Optional.empty();
        }
        try {
            String requester = e.details().getOrDefault("requester", nameOf(e.source()));
            Instant expires = Optional.ofNullable(e.details().get("expires"))
                    .map(Instant::parse)
                    .orElse(e.time());
            TagPath first = r.get().items().getFirst().tag();
            return Optional.of(
                    Approval.ofRecipe(e.eventId(), requester, r.get(), resources.apply(first), e.time(), expires));
        } catch (RuntimeException bad) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the map bounded: expired requests first (moved to {@link #closed()} as expired), then
     * the oldest change.
     */
    private void bound(Instant now) {
        if (open.size() < max) {
            return;
        }
        for (Iterator<Open> it = open.values().iterator(); it.hasNext() && open.size() >= max; ) {
            Open o = it.next();
            if (o.stage() == Stage.REQUESTED && !now.isBefore(o.approval().expires())) {
                it.remove();
                // no longer open, but still listed as the expired request it is
                keep(o.approval()
                        .decided(Approval.State.EXPIRED, "", o.approval().expires(), ""));
            }
        }
        while (open.size() >= max) {
            open.remove(open.keySet().iterator().next());
        }
    }

    private void noteRequestNumber(String eventId) {
        if (eventId.startsWith("req-")) {
            try {
                lastRequest = Math.max(lastRequest, Long.parseLong(eventId.substring(4)));
            } catch (NumberFormatException e) {
                // not one of the gateway's numbers
            }
        }
    }

    /** The account name of a record source {@code name@address}. */
    static String nameOf(String source) {
        int at = source.lastIndexOf('@');
        return at < 0 ? source : source.substring(0, at);
    }

    /** Requested, waiting for a second person (possibly expired by now). */
    public List<Approval> pending() {
        return of(Stage.REQUESTED).stream().map(Open::approval).toList();
    }

    /**
     * Decided approval requests — rejected, withdrawn, executed, failed, expired during an outage —
     * in the order they ended (at most {@code max}, the newest kept).
     */
    public List<Approval> closed() {
        return List.copyOf(closed.values());
    }

    /** Approved by a second person; the device was not touched. */
    public List<Open> approvedNotSent() {
        return of(Stage.APPROVED);
    }

    /** Sent towards the device (or about to be) with no result recorded: never retried. */
    public List<Open> unknownOutcome() {
        return of(Stage.EXECUTING);
    }

    /** The highest {@code req-N} number in the log, so that new request ids do not repeat old ones. */
    public long lastRequestNumber() {
        return lastRequest;
    }

    private List<Open> of(Stage stage) {
        List<Open> out = new ArrayList<>();
        for (Open o : open.values()) {
            if (o.stage() == stage) {
                out.add(o);
            }
        }
        return out;
    }
}
