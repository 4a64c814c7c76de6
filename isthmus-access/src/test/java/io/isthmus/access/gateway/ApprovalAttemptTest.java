package io.isthmus.access.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.access.gateway.ApproveResult.Refusal;
import io.isthmus.model.AccessKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Approve, reject and withdraw refuse a lost claim alike; only the requester's own attempt and the record differ. */
class ApprovalAttemptTest {
    private final Approvals approvals = new Approvals(Duration.ofMinutes(10), 10);
    private final Approval pending = approvals
            .open("alice", new WriteItem(ApprovalsTest.TAG, 1), AccessKind.WRITE, ApprovalsTest.RES, ApprovalsTest.T0)
            .orElseThrow();

    @Test
    void aLostClaimIsRefusedWithTheSameReasonAndDetailWhateverTheAttempt() {
        Approval decided = ((Approvals.Claim.Won) approvals.reject(pending.id(), "bob", ApprovalsTest.T0)).approval();
        for (ApprovalAttempt attempt : ApprovalAttempt.values()) {
            assertThat(attempt.refusal(new Approvals.Claim.NotFound(), "apr-9"))
                    .isEqualTo(new ApproveResult.Refused(Refusal.NOT_FOUND, "no approval request apr-9"));
            assertThat(attempt.refusal(new Approvals.Claim.AlreadyDecided(decided), decided.id()))
                    .isEqualTo(new ApproveResult.Refused(Refusal.ALREADY_DECIDED, "already rejected"));
            assertThat(attempt.refusal(new Approvals.Claim.Expired(pending), pending.id()))
                    .isEqualTo(new ApproveResult.Refused(Refusal.EXPIRED, "expired at " + pending.expires()));
            assertThat(attempt.refusal(new Approvals.Claim.NotRequester(pending), pending.id()))
                    .isEqualTo(new ApproveResult.Refused(
                            Refusal.NOT_REQUESTER, "only the requester alice withdraws " + pending.id()));
            assertThatThrownBy(() -> attempt.refusal(new Approvals.Claim.Won(pending), pending.id()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theRequesterIsToldToWithdrawRatherThanRejectAndNeverApprovesTheirOwn() {
        Approvals.Claim own = new Approvals.Claim.SelfApproval(pending);
        assertThat(ApprovalAttempt.APPROVE.refusal(own, pending.id()))
                .isEqualTo(ApprovalAttempt.APPROVE.ownRequest())
                .isEqualTo(new ApproveResult.Refused(Refusal.SELF_APPROVAL, "nobody approves their own request"));
        ApproveResult.Refused withdrawInstead = new ApproveResult.Refused(
                Refusal.SELF_REJECTION, "nobody rejects their own request; withdraw it instead");
        assertThat(ApprovalAttempt.REJECT.refusal(own, pending.id())).isEqualTo(withdrawInstead);
        assertThat(ApprovalAttempt.WITHDRAW.refusal(own, pending.id())).isEqualTo(withdrawInstead);
    }

    @Test
    void aRefusedApprovalRecordNamesNoDecisionWhileARefusedRejectionOrWithdrawalNamesIts() {
        ApproveResult.Refused r = ApprovalAttempt.notFound("apr-9");
        assertThat(ApprovalAttempt.APPROVE.details(r))
                .isEqualTo(Map.of("reason", "not-found", "detail", "no approval request apr-9"));
        assertThat(ApprovalAttempt.REJECT.details(r))
                .isEqualTo(Map.of("reason", "not-found", "detail", "no approval request apr-9", "decision", "reject"));
        assertThat(ApprovalAttempt.WITHDRAW.details(r))
                .containsEntry("decision", "withdraw")
                .hasSize(3);
    }
}
