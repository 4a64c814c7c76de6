package io.isthmus.app.gateway;

import static io.isthmus.app.gateway.GatewayFixture.SPEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.access.gateway.AccessGateway;
import io.isthmus.access.gateway.Approval;
import io.isthmus.access.gateway.ApproveResult;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.gateway.ItemResult;
import io.isthmus.access.gateway.OtPath;
import io.isthmus.access.gateway.RejectResult;
import io.isthmus.access.gateway.WriteItem;
import io.isthmus.model.TagPath;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approvals across a gateway restart, against the virtual factory's conveyor PLC: a pending approval
 * is still there and executes once when approved; an approved change the PLC never saw executes once
 * on start; a change that was being sent when the gateway stopped is marked "unknown outcome" and
 * never sent again. A "crash" is a {@link CrashingOtPath.PowerCut} thrown from inside the path to OT, after which
 * the old gateway is abandoned and a new one opens the same audit log.
 */
class GatewayRestartTest {
    static final GatewayLimits LIMITS =
            new GatewayLimits(Duration.ofMinutes(15), 1000, Duration.ofMinutes(2), 100, 100);
    static final InetAddress HERE = GatewayFixture.address("127.0.0.1");
    static GatewayFixture f;
    RestartingAuditLog audit;
    GatewayFixture.MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        f = new GatewayFixture(LIMITS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @BeforeEach
    void freshLog() throws IOException {
        audit = new RestartingAuditLog(f.dir, "audit-restart");
        clock = new GatewayFixture.MutableClock(Instant.now());
        f.plcRequests.clear();
        f.events.clear();
    }

    @AfterEach
    void closeLogs() throws IOException {
        audit.close();
    }

    /** A (re)start: the previous log is closed as the process would leave it, then opened again. */
    AccessGateway boot(OtPath path) throws IOException {
        AuditLog log = audit.reopen();
        return f.gatewayOver(log, path, clock, LIMITS);
    }

    String requestSpeed(AccessGateway gw, double value) {
        List<ItemResult> r =
                gw.write(f.account("alice"), HERE, List.of(new WriteItem(TagPath.parse(SPEED.toString()), value)));
        assertThat(r.getFirst()).isInstanceOf(ItemResult.Pending.class);
        return ((ItemResult.Pending) r.getFirst()).approval().id();
    }

    @Test
    void aPendingApprovalSurvivesARestartAndExecutesOnceWhenApproved() throws Exception {
        String id = requestSpeed(boot(f.ot), 151);

        AccessGateway second = boot(f.ot);
        assertThat(second.pending()).extracting(Approval::id).containsExactly(id);
        assertThat(second.approve(f.account("alice"), HERE, id))
                .isEqualTo(new ApproveResult.Refused(
                        ApproveResult.Refusal.SELF_APPROVAL, "nobody approves their own request"));
        assertThat(second.approve(f.account("bob"), HERE, id)).isInstanceOf(ApproveResult.Executed.class);
        assertThat(second.approve(f.account("dave"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ApproveResult.Refusal.ALREADY_DECIDED));
        assertThat(f.plcRequests).as(f.plcRequests.toString()).hasSize(1);
        assertThat(f.plcRequests.getFirst()).contains("WriteSingleRegister[address=0, value=151]");

        AccessGateway third = boot(f.ot);
        assertThat(third.pending()).isEmpty();
        assertThat(third.approve(f.account("dave"), HERE, id)).isInstanceOf(ApproveResult.Refused.class);
        assertThat(f.plcRequests).hasSize(1);
    }

    @Test
    void aRejectionKeepsItsReasonRejecterAndTimeAcrossARestart() throws Exception {
        AccessGateway first = boot(f.ot);
        String id = requestSpeed(first, 155);
        clock.advance(Duration.ofSeconds(20));
        Instant rejectedAt = clock.instant();
        assertThat(first.reject(f.account("bob"), HERE, id, "not during the changeover"))
                .isInstanceOf(RejectResult.Closed.class);
        String withdrawn = requestSpeed(first, 156);
        assertThat(first.withdraw(f.account("alice"), HERE, withdrawn)).isInstanceOf(RejectResult.Closed.class);

        clock.advance(Duration.ofSeconds(5));
        AccessGateway second = boot(f.ot);
        assertThat(second.visibleApprovals(f.account("alice"), HERE))
                .extracting(Approval::id)
                .as("the requester's list, newest first")
                .containsExactly(withdrawn, id);
        assertThat(second.approval(id)).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo(Approval.State.REJECTED);
            assertThat(a.decidedBy()).isEqualTo("bob");
            assertThat(a.decided()).contains(rejectedAt);
            assertThat(a.reason()).isEqualTo("not during the changeover");
        });
        assertThat(second.approval(withdrawn)).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo(Approval.State.WITHDRAWN);
            assertThat(a.decidedBy()).isEqualTo("alice");
        });
        assertThat(second.pending()).isEmpty();
        assertThat(second.approve(f.account("dave"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ApproveResult.Refusal.ALREADY_DECIDED));
        assertThat(f.plcRequests).isEmpty();
    }

    @Test
    void executedAndExpiredRequestsAreStillListedAfterARestart() throws Exception {
        AccessGateway first = boot(f.ot);
        String done = requestSpeed(first, 157);
        clock.advance(Duration.ofSeconds(10));
        Instant approvedAt = clock.instant();
        assertThat(first.approve(f.account("bob"), HERE, done)).isInstanceOf(ApproveResult.Executed.class);
        String lapsed = requestSpeed(first, 158);
        clock.advance(Duration.ofMinutes(3));
        assertThat(first.pending()).as("expired before the restart").isEmpty();
        assertThat(f.plcRequests).hasSize(1);

        for (int restart = 0; restart < 2; restart++) {
            AccessGateway next = boot(f.ot);
            assertThat(next.visibleApprovals(f.account("alice"), HERE))
                    .as("the requester's list, newest first, after restart " + (restart + 1))
                    .extracting(Approval::id, Approval::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(lapsed, Approval.State.EXPIRED),
                            org.assertj.core.groups.Tuple.tuple(done, Approval.State.EXECUTED));
            assertThat(next.approval(done)).hasValueSatisfying(a -> {
                assertThat(a.decidedBy()).isEqualTo("bob");
                assertThat(a.decided()).contains(approvedAt);
            });
            assertThat(next.approve(f.account("dave"), HERE, done))
                    .isInstanceOfSatisfying(
                            ApproveResult.Refused.class,
                            r -> assertThat(r.reason()).isEqualTo(ApproveResult.Refusal.ALREADY_DECIDED));
            assertThat(next.approve(f.account("dave"), HERE, lapsed))
                    .isInstanceOfSatisfying(
                            ApproveResult.Refused.class,
                            r -> assertThat(r.reason()).isEqualTo(ApproveResult.Refusal.EXPIRED));
        }
        assertThat(f.plcRequests).as("nothing executed again").hasSize(1);
    }

    @Test
    void anApprovedChangeThePlcNeverSawExecutesOnceOnStart() throws Exception {
        AccessGateway first = boot(new CrashingOtPath(f.ot, CrashingOtPath.Mode.BEFORE_WIRE));
        String id = requestSpeed(first, 152);
        assertThatThrownBy(() -> first.approve(f.account("bob"), HERE, id)).isInstanceOf(CrashingOtPath.PowerCut.class);
        assertThat(f.plcRequests).isEmpty();

        AccessGateway second = boot(f.ot);
        assertThat(f.plcRequests).as(f.plcRequests.toString()).hasSize(1);
        assertThat(f.plcRequests.getFirst()).contains("WriteSingleRegister[address=0, value=152]");
        assertThat(second.approval(id)).map(Approval::state).contains(Approval.State.EXECUTED);
        assertThat(second.pending()).isEmpty();
        assertThat(executed(id)).extracting(AuditEvent::result).containsExactly(AuditResult.SUCCESS);

        boot(f.ot);
        assertThat(f.plcRequests).hasSize(1);
    }

    @Test
    void anApprovedChangeWhoseApprovalExpiredDuringTheOutageIsNotExecuted() throws Exception {
        AccessGateway first = boot(new CrashingOtPath(f.ot, CrashingOtPath.Mode.BEFORE_WIRE));
        String id = requestSpeed(first, 153);
        assertThatThrownBy(() -> first.approve(f.account("bob"), HERE, id)).isInstanceOf(CrashingOtPath.PowerCut.class);

        clock.advance(Duration.ofMinutes(3));
        AccessGateway second = boot(f.ot);
        assertThat(f.plcRequests).isEmpty();
        assertThat(second.approval(id)).map(Approval::state).contains(Approval.State.EXPIRED);
        assertThat(executed(id)).extracting(AuditEvent::result).containsExactly(AuditResult.DENIED);

        AccessGateway third = boot(f.ot);
        assertThat(third.approval(id))
                .as("still listed as expired after the next restart")
                .map(Approval::state)
                .contains(Approval.State.EXPIRED);
        assertThat(f.plcRequests).isEmpty();
    }

    @Test
    void aCrashBetweenExecutingAndExecutedIsAnUnknownOutcomeAndIsNeverRetried() throws Exception {
        AccessGateway first = boot(new CrashingOtPath(f.ot, CrashingOtPath.Mode.AFTER_DEVICE));
        String id = requestSpeed(first, 154);
        assertThatThrownBy(() -> first.approve(f.account("bob"), HERE, id)).isInstanceOf(CrashingOtPath.PowerCut.class);
        assertThat(f.plcRequests)
                .as("the write reached the PLC before the crash")
                .hasSize(1);

        AccessGateway second = boot(f.ot);
        assertThat(f.plcRequests).as("not sent again").hasSize(1);
        assertThat(second.approval(id)).map(Approval::state).contains(Approval.State.UNKNOWN_OUTCOME);
        assertThat(second.unknownOutcome()).extracting(Approval::id).containsExactly(id);
        assertThat(second.pending()).isEmpty();
        assertThat(second.approve(f.account("dave"), HERE, id))
                .isInstanceOfSatisfying(
                        ApproveResult.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ApproveResult.Refusal.ALREADY_DECIDED));
        assertThat(f.events)
                .filteredOn(e -> e.type().equals("write.outcome-unknown"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.eventId()).isEqualTo(id);
                    assertThat(e.result()).isEqualTo(AuditResult.FAILURE);
                    assertThat(e.details()).containsEntry("requester", "alice");
                });
        assertThat(executed(id)).isEmpty();

        boot(f.ot);
        assertThat(f.plcRequests).hasSize(1);
    }

    private List<AuditEvent> executed(String id) {
        return f.events.stream()
                .filter(e -> e.type().equals("write.executed") && e.eventId().equals(id))
                .toList();
    }
}
