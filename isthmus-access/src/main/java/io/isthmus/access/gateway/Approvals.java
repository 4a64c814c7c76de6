package io.isthmus.access.gateway;

import io.isthmus.access.gateway.Approval.State;
import io.isthmus.model.AccessKind;
import io.isthmus.policy.AccessResource;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pending changes and the one transition that matters: PENDING to APPROVED (or REJECTED, or
 * WITHDRAWN by the requester) happens once, under a lock, before the expiry; approving and
 * rejecting are for a person who is not the requester. Whoever gets
 * {@link Claim.Won} executes the change; every other attempt, concurrent or later, gets the reason
 * it lost. Bounded: at {@code max} open requests, new ones are refused.
 */
public final class Approvals {
    private final Map<String, Approval> byId = new LinkedHashMap<>();
    private final Duration expiry;
    private final int max;
    private final SecureRandom random = new SecureRandom();

    public Approvals(Duration expiry, int max) {
        if (expiry.isNegative() || expiry.isZero() || max < 1) {
            throw new IllegalArgumentException(
                    "approvals need a positive expiry and maximum, were " + expiry + ", " + max);
        }
        this.expiry = expiry;
        this.max = max;
    }

    /** The outcome of an approval attempt. */
    public sealed interface Claim {
        record Won(Approval approval) implements Claim {}

        record NotFound() implements Claim {}

        record SelfApproval(Approval approval) implements Claim {}

        record Expired(Approval approval) implements Claim {}

        record AlreadyDecided(Approval approval) implements Claim {}

        /** Only the requester withdraws a request. */
        record NotRequester(Approval approval) implements Claim {}
    }

    public synchronized Optional<Approval> open(
            String requester, WriteItem item, AccessKind action, AccessResource resource, Instant now) {
        return open(
                now,
                (id, expires) -> new Approval(id, requester, item, action, resource, now, expires, State.PENDING, ""));
    }

    /** Opens one approval request for a whole recipe; {@code first} is its first item's resource. */
    public synchronized Optional<Approval> openRecipe(
            String requester, Recipe recipe, AccessResource first, Instant now) {
        return open(now, (id, expires) -> Approval.ofRecipe(id, requester, recipe, first, now, expires));
    }

    private Optional<Approval> open(Instant now, java.util.function.BiFunction<String, Instant, Approval> make) {
        expire(now);
        long open =
                byId.values().stream().filter(a -> a.state() == State.PENDING).count();
        if (open >= max) {
            return Optional.empty();
        }
        while (byId.size() >= max * 4L) {
            byId.remove(byId.keySet().iterator().next());
        }
        byte[] b = new byte[12];
        random.nextBytes(b);
        Approval a = make.apply("apr-" + HexFormat.of().formatHex(b), now.plus(expiry));
        byId.put(a.id(), a);
        return Optional.of(a);
    }

    /** Tries to approve; only one caller ever wins a given request. */
    public synchronized Claim claim(String id, String approver, Instant now) {
        return decide(id, approver, now, State.APPROVED, "");
    }

    /**
     * Tries to reject: the same single transition out of PENDING as {@link #claim}, so of an
     * approval and a rejection racing, exactly one wins; never by the requester (who withdraws).
     */
    public synchronized Claim reject(String id, String approver, Instant now) {
        return reject(id, approver, now, "");
    }

    /** As {@link #reject(String, String, Instant)}, keeping the rejecter's reason with the request. */
    public synchronized Claim reject(String id, String approver, Instant now, String reason) {
        return decide(id, approver, now, State.REJECTED, reason.strip());
    }

    /** The requester takes back their own request while it is still pending. */
    public synchronized Claim withdraw(String id, String requester, Instant now) {
        Approval a = current(id, now);
        if (a == null) {
            return new Claim.NotFound();
        }
        if (!a.requester().equals(requester)) {
            return new Claim.NotRequester(a);
        }
        if (a.state() != State.PENDING) {
            return a.state() == State.EXPIRED ? new Claim.Expired(a) : new Claim.AlreadyDecided(a);
        }
        Approval withdrawn = a.decided(State.WITHDRAWN, "", now, "");
        byId.put(id, withdrawn);
        return new Claim.Won(withdrawn);
    }

    private Claim decide(String id, String by, Instant now, State to, String reason) {
        Approval a = current(id, now);
        if (a == null) {
            return new Claim.NotFound();
        }
        if (a.state() != State.PENDING) {
            return a.state() == State.EXPIRED ? new Claim.Expired(a) : new Claim.AlreadyDecided(a);
        }
        if (a.requester().equals(by)) {
            return new Claim.SelfApproval(a);
        }
        Approval won = a.decided(to, by, now, reason);
        byId.put(id, won);
        return new Claim.Won(won);
    }

    /** The request as it stands at {@code now} (a pending one past its expiry becomes expired), or null. */
    private Approval current(String id, Instant now) {
        Approval a = byId.get(id);
        if (a != null && a.state() == State.PENDING && !now.isBefore(a.expires())) {
            a = a.decided(State.EXPIRED, "", a.expires(), "");
            byId.put(id, a);
        }
        return a;
    }

    /** Records how the execution of an approved change ended. */
    public synchronized Approval finish(String id, boolean executed) {
        Approval a = byId.get(id)
                .with(executed ? State.EXECUTED : State.FAILED, byId.get(id).approver());
        byId.put(id, a);
        return a;
    }

    /** Puts back an approval rebuilt from the audit log after a restart ({@link ApprovalReplay}). */
    synchronized void restore(Approval a) {
        while (byId.size() >= max * 4L) {
            byId.remove(byId.keySet().iterator().next());
        }
        byId.put(a.id(), a);
    }

    /** Changes whose outcome nobody knows (see {@link Approval.State#UNKNOWN_OUTCOME}), oldest first. */
    public synchronized List<Approval> unknownOutcome() {
        return new ArrayList<>(byId.values().stream()
                .filter(a -> a.state() == State.UNKNOWN_OUTCOME)
                .toList());
    }

    public synchronized Optional<Approval> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The request as it stands at {@code now}: a pending one past its expiry reads as expired. */
    public synchronized Optional<Approval> find(String id, Instant now) {
        return Optional.ofNullable(current(id, now));
    }

    public synchronized List<Approval> pending(Instant now) {
        expire(now);
        return new ArrayList<>(
                byId.values().stream().filter(a -> a.state() == State.PENDING).toList());
    }

    /** Every request still kept (open and decided, oldest first; decided ones are dropped as new ones come). */
    public synchronized List<Approval> all(Instant now) {
        expire(now);
        return new ArrayList<>(byId.values());
    }

    private void expire(Instant now) {
        byId.replaceAll((k, a) -> a.state() == State.PENDING && !now.isBefore(a.expires())
                ? a.decided(State.EXPIRED, "", a.expires(), "")
                : a);
    }
}
