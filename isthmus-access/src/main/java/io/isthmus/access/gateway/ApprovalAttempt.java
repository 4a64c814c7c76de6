package io.isthmus.access.gateway;

import io.isthmus.access.gateway.ApproveResult.Refusal;
import java.util.Map;

/**
 * Approving, rejecting or withdrawing a pending request. The three refuse alike (no such request,
 * expired, already decided, not the requester's to withdraw) and differ only in the refusal of a
 * person deciding on their own request, and in the {@code decision} their refused {@code approval}
 * records name (none for approve).
 */
enum ApprovalAttempt {
    APPROVE("", Refusal.SELF_APPROVAL, "nobody approves their own request"),
    REJECT("reject", Refusal.SELF_REJECTION, "nobody rejects their own request; withdraw it instead"),
    WITHDRAW("withdraw", Refusal.SELF_REJECTION, "nobody rejects their own request; withdraw it instead");

    private final String decision;
    private final ApproveResult.Refused ownRequest;

    ApprovalAttempt(String decision, Refusal own, String ownDetail) {
        this.decision = decision;
        this.ownRequest = new ApproveResult.Refused(own, ownDetail);
    }

    static ApproveResult.Refused notFound(String id) {
        return new ApproveResult.Refused(Refusal.NOT_FOUND, "no approval request " + id);
    }

    /** What refuses somebody who decides on their own request. */
    ApproveResult.Refused ownRequest() {
        return ownRequest;
    }

    /** Why a claim that was not won refuses this attempt on request {@code id}. */
    ApproveResult.Refused refusal(Approvals.Claim lost, String id) {
        return switch (lost) {
            case Approvals.Claim.NotFound nf -> notFound(id);
            case Approvals.Claim.SelfApproval s -> ownRequest;
            case Approvals.Claim.NotRequester n ->
                new ApproveResult.Refused(
                        Refusal.NOT_REQUESTER,
                        "only the requester " + n.approval().requester() + " withdraws " + id);
            case Approvals.Claim.Expired e ->
                new ApproveResult.Refused(
                        Refusal.EXPIRED, "expired at " + e.approval().expires());
            case Approvals.Claim.AlreadyDecided ad ->
                new ApproveResult.Refused(
                        Refusal.ALREADY_DECIDED,
                        "already " + ad.approval().state().id());
            case Approvals.Claim.Won w -> throw new IllegalArgumentException("a won claim refuses nothing");
        };
    }

    /** The details of the {@code approval} record (result denied) of a refused attempt. */
    Map<String, String> details(ApproveResult.Refused r) {
        return decision.isEmpty()
                ? Map.of("reason", r.reason().id(), "detail", r.detail())
                : Map.of("reason", r.reason().id(), "detail", r.detail(), "decision", decision);
    }
}
