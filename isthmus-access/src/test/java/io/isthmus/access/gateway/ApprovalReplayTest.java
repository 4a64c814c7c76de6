package io.isthmus.access.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.access.audit.AuditCategory;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Folding the gateway's own audit records back into the changes that were unfinished. */
class ApprovalReplayTest {
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    static final String TAG = "a/b/c/d/e/f/setpoint";

    static ApprovalReplay replay(int max) {
        return new ApprovalReplay(t -> new AccessResource(Optional.of("cell"), "plc", t), max);
    }

    static AuditEvent rec(String source, String type, String id, AuditResult result, Map<String, String> details) {
        return AuditEvent.of(T0, source, AuditCategory.CONTROL_SYSTEM, type, id, result, details);
    }

    static AuditEvent requested(String id, Instant expires) {
        return rec(
                "alice@10.0.0.1",
                "write.requested",
                id,
                AuditResult.PENDING,
                Map.of("tag", TAG, "value", "12.5", "action", "write", "expires", expires.toString()));
    }

    @Test
    void eachStageEndsWhereTheLogEnds() {
        ApprovalReplay r = replay(10);
        Instant exp = T0.plus(Duration.ofMinutes(10));
        r.accept(requested("apr-1", exp));
        r.accept(requested("apr-2", exp));
        r.accept(requested("apr-3", exp));
        r.accept(requested("apr-4", exp));
        for (String id : new String[] {"apr-2", "apr-3", "apr-4"}) {
            r.accept(rec("bob@10.0.0.2", "write.approved", id, AuditResult.SUCCESS, Map.of("tag", TAG)));
        }
        for (String id : new String[] {"apr-3", "apr-4"}) {
            r.accept(rec("bob@10.0.0.2", "write.executing", id, AuditResult.PENDING, Map.of("tag", TAG)));
        }
        r.accept(rec("bob@10.0.0.2", "write.executed", "apr-4", AuditResult.SUCCESS, Map.of("tag", TAG)));

        assertThat(r.pending()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("apr-1");
            assertThat(a.requester()).isEqualTo("alice");
            assertThat(a.item()).isEqualTo(new WriteItem(TagPath.parse(TAG), 12.5));
            assertThat(a.expires()).isEqualTo(exp);
        });
        assertThat(r.approvedNotSent()).singleElement().satisfies(o -> {
            assertThat(o.approval().id()).isEqualTo("apr-2");
            assertThat(o.approval().approver()).isEqualTo("bob");
            assertThat(o.approverSource()).isEqualTo("bob@10.0.0.2");
        });
        assertThat(r.unknownOutcome()).extracting(o -> o.approval().id()).containsExactly("apr-3");
    }

    @Test
    void aRejectedOrWithdrawnRequestIsFinishedAndNotPendingAgain() {
        ApprovalReplay r = replay(10);
        Instant exp = T0.plus(Duration.ofMinutes(10));
        r.accept(requested("apr-1", exp));
        r.accept(requested("apr-2", exp));
        r.accept(requested("apr-3", exp));
        r.accept(rec(
                "bob@10.0.0.2",
                "write.rejected",
                "apr-1",
                AuditResult.DENIED,
                Map.of("tag", TAG, "reason", "line is changing over")));
        r.accept(rec("alice@10.0.0.1", "write.withdrawn", "apr-2", AuditResult.SUCCESS, Map.of("tag", TAG)));

        assertThat(r.pending()).extracting(Approval::id).containsExactly("apr-3");
        assertThat(r.approvedNotSent()).isEmpty();
        assertThat(r.unknownOutcome()).isEmpty();
        // kept as decided, so the requester still sees who said no, when and why after a restart
        assertThat(r.closed()).extracting(Approval::id).containsExactly("apr-1", "apr-2");
        assertThat(r.closed().get(0)).satisfies(a -> {
            assertThat(a.state()).isEqualTo(Approval.State.REJECTED);
            assertThat(a.decidedBy()).isEqualTo("bob");
            assertThat(a.decided()).contains(T0);
            assertThat(a.reason()).isEqualTo("line is changing over");
        });
        assertThat(r.closed().get(1)).satisfies(a -> {
            assertThat(a.state()).isEqualTo(Approval.State.WITHDRAWN);
            assertThat(a.decidedBy()).isEqualTo("alice");
            assertThat(a.reason()).isEmpty();
        });
    }

    @Test
    void otherRecordsChangeNothingAndRequestNumbersAreRemembered() {
        ApprovalReplay r = replay(10);
        r.accept(AuditEvent.of(
                T0, "carol@10.0.0.3", AuditCategory.ACCESS_CONTROL, "read", "req-41", AuditResult.SUCCESS, Map.of()));
        r.accept(rec("bob@10.0.0.2", "approval", "apr-9", AuditResult.DENIED, Map.of("reason", "self-approval")));
        r.accept(rec("bob@10.0.0.2", "write.approved", "apr-unknown", AuditResult.SUCCESS, Map.of()));
        r.accept(rec(
                "alice@10.0.0.1",
                "write.requested",
                "apr-bad",
                AuditResult.PENDING,
                Map.of("tag", "not a path", "value", "x", "action", "write")));
        assertThat(r.pending()).isEmpty();
        assertThat(r.approvedNotSent()).isEmpty();
        assertThat(r.unknownOutcome()).isEmpty();
        assertThat(r.lastRequestNumber()).isEqualTo(41);
    }

    @Test
    void aDirectChangeCutOffWhileExecutingIsAnUnknownOutcomeToo() {
        ApprovalReplay r = replay(10);
        r.accept(rec(
                "alice@10.0.0.1",
                "control.executing",
                "req-7",
                AuditResult.PENDING,
                Map.of("tag", TAG, "value", "1.0")));
        assertThat(r.unknownOutcome()).extracting(o -> o.approval().id()).containsExactly("req-7");
    }

    @Test
    void theReplayIsBoundedAndForgetsExpiredRequestsFirst() {
        ApprovalReplay r = replay(3);
        r.accept(requested("apr-old", T0.minusSeconds(1)));
        r.accept(requested("apr-a", T0.plusSeconds(600)));
        r.accept(requested("apr-b", T0.plusSeconds(600)));
        r.accept(requested("apr-c", T0.plusSeconds(600)));
        r.accept(requested("apr-d", T0.plusSeconds(600)));
        assertThat(r.pending()).extracting(Approval::id).containsExactly("apr-b", "apr-c", "apr-d");
    }

    @Test
    void anExecutedFailedOrOutageExpiredApprovalIsKeptAsDecidedAndADirectChangeIsNot() {
        ApprovalReplay r = replay(10);
        Instant exp = T0.plus(Duration.ofMinutes(10));
        for (String id : new String[] {"apr-ok", "apr-fail", "apr-conduit", "apr-late"}) {
            r.accept(requested(id, exp));
            r.accept(rec("bob@10.0.0.2", "write.approved", id, AuditResult.SUCCESS, Map.of("tag", TAG)));
        }
        r.accept(rec("bob@10.0.0.2", "write.executing", "apr-ok", AuditResult.PENDING, Map.of("tag", TAG)));
        r.accept(rec("bob@10.0.0.2", "write.executed", "apr-ok", AuditResult.SUCCESS, Map.of("tag", TAG)));
        r.accept(rec("bob@10.0.0.2", "write.executing", "apr-fail", AuditResult.PENDING, Map.of("tag", TAG)));
        r.accept(rec(
                "bob@10.0.0.2",
                "write.executed",
                "apr-fail",
                AuditResult.FAILURE,
                Map.of("tag", TAG, "reason", "Connection refused")));
        r.accept(rec(
                "bob@10.0.0.2",
                "write.executed",
                "apr-conduit",
                AuditResult.DENIED,
                Map.of("tag", TAG, "reason", "no-conduit", "conduit", "")));
        r.accept(rec(
                "bob@10.0.0.2",
                "write.executed",
                "apr-late",
                AuditResult.DENIED,
                Map.of("tag", TAG, "reason", ApprovalReplay.EXPIRED_DURING_RESTART)));
        r.accept(rec(
                "alice@10.0.0.1", "write.executing", "req-5", AuditResult.PENDING, Map.of("tag", TAG, "value", "1")));
        r.accept(rec(
                "alice@10.0.0.1", "write.executed", "req-5", AuditResult.SUCCESS, Map.of("tag", TAG, "value", "1")));

        assertThat(r.pending()).isEmpty();
        assertThat(r.approvedNotSent()).isEmpty();
        assertThat(r.unknownOutcome()).isEmpty();
        assertThat(r.closed())
                .extracting(Approval::id, Approval::state, Approval::decidedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("apr-ok", Approval.State.EXECUTED, "bob"),
                        org.assertj.core.groups.Tuple.tuple("apr-fail", Approval.State.FAILED, "bob"),
                        org.assertj.core.groups.Tuple.tuple("apr-conduit", Approval.State.FAILED, "bob"),
                        org.assertj.core.groups.Tuple.tuple("apr-late", Approval.State.EXPIRED, "bob"));
        assertThat(r.closed().getFirst().decided()).as("when it was approved").contains(T0);
    }

    @Test
    void decidedRequestsAreBoundedTooAndAnExpiredRequestPushedOutOfTheOpenOnesStaysListedAsExpired() {
        ApprovalReplay r = replay(2);
        r.accept(requested("apr-old", T0.minusSeconds(1)));
        r.accept(requested("apr-a", T0.plusSeconds(600)));
        r.accept(requested("apr-b", T0.plusSeconds(600)));
        assertThat(r.pending()).extracting(Approval::id).containsExactly("apr-a", "apr-b");
        assertThat(r.closed()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("apr-old");
            assertThat(a.state()).isEqualTo(Approval.State.EXPIRED);
            assertThat(a.decided()).contains(T0.minusSeconds(1));
        });
        for (String id : new String[] {"apr-a", "apr-b"}) {
            r.accept(rec("bob@10.0.0.2", "write.rejected", id, AuditResult.DENIED, Map.of("tag", TAG)));
        }
        assertThat(r.closed()).extracting(Approval::id).containsExactly("apr-a", "apr-b");
    }
}
