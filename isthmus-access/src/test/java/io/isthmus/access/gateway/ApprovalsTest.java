package io.isthmus.access.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The two-person rule's state machine: one winner, never the requester, never after the expiry. */
class ApprovalsTest {
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    static final TagPath TAG = TagPath.parse("a/b/c/d/e/f/setpoint");
    static final AccessResource RES = new AccessResource(Optional.of("cell"), "plc", TAG);

    private Approval open(Approvals a) {
        return a.open("alice", new WriteItem(TAG, 1), AccessKind.WRITE, RES, T0).orElseThrow();
    }

    @Test
    void theRequesterCannotApproveAndAnotherPersonWinsOnce() {
        Approvals a = new Approvals(Duration.ofMinutes(10), 10);
        Approval p = open(a);
        assertThat(a.claim(p.id(), "alice", T0)).isInstanceOf(Approvals.Claim.SelfApproval.class);
        assertThat(a.claim(p.id(), "bob", T0)).isInstanceOf(Approvals.Claim.Won.class);
        assertThat(a.claim(p.id(), "dave", T0)).isInstanceOf(Approvals.Claim.AlreadyDecided.class);
        assertThat(a.finish(p.id(), true).state()).isEqualTo(Approval.State.EXECUTED);
        assertThat(a.claim("apr-nope", "bob", T0)).isInstanceOf(Approvals.Claim.NotFound.class);
    }

    @Test
    void aRejectionIsTheOneDecisionAndNeverTheRequesters() {
        Approvals a = new Approvals(Duration.ofMinutes(10), 10);
        Approval p = open(a);
        assertThat(a.reject(p.id(), "alice", T0)).isInstanceOf(Approvals.Claim.SelfApproval.class);
        Instant later = T0.plusSeconds(7);
        assertThat(a.reject(p.id(), "bob", later, " line is changing over "))
                .isInstanceOfSatisfying(Approvals.Claim.Won.class, w -> {
                    assertThat(w.approval().state()).isEqualTo(Approval.State.REJECTED);
                    assertThat(w.approval().approver()).isEqualTo("bob");
                    assertThat(w.approval().decidedBy()).isEqualTo("bob");
                    assertThat(w.approval().decided()).contains(later);
                    assertThat(w.approval().reason()).isEqualTo("line is changing over");
                });
        assertThat(a.find(p.id()).orElseThrow().reason()).isEqualTo("line is changing over");
        assertThat(a.claim(p.id(), "dave", T0)).isInstanceOf(Approvals.Claim.AlreadyDecided.class);
        assertThat(a.reject(p.id(), "dave", T0)).isInstanceOf(Approvals.Claim.AlreadyDecided.class);
        assertThat(a.withdraw(p.id(), "alice", T0)).isInstanceOf(Approvals.Claim.AlreadyDecided.class);
        assertThat(a.pending(T0)).isEmpty();
    }

    @Test
    void onlyTheRequesterWithdrawsAndOnlyWhilePending() {
        Approvals a = new Approvals(Duration.ofMinutes(10), 10);
        Approval p = open(a);
        assertThat(a.withdraw(p.id(), "bob", T0)).isInstanceOf(Approvals.Claim.NotRequester.class);
        assertThat(a.withdraw(p.id(), "alice", T0))
                .isInstanceOfSatisfying(
                        Approvals.Claim.Won.class,
                        w -> assertThat(w.approval().state()).isEqualTo(Approval.State.WITHDRAWN));
        assertThat(a.claim(p.id(), "bob", T0)).isInstanceOf(Approvals.Claim.AlreadyDecided.class);
        assertThat(a.find(p.id()).orElseThrow().decidedBy()).isEqualTo("alice");
        assertThat(a.find(p.id()).orElseThrow().decided()).contains(T0);
        Approval late = open(a);
        assertThat(a.withdraw(late.id(), "alice", T0.plus(Duration.ofMinutes(10))))
                .isInstanceOf(Approvals.Claim.Expired.class);
        assertThat(a.find(late.id()).orElseThrow().decided()).contains(late.expires());
        assertThat(a.find(late.id()).orElseThrow().decidedBy()).isEmpty();
        assertThat(a.withdraw("apr-nope", "alice", T0)).isInstanceOf(Approvals.Claim.NotFound.class);
    }

    @Test
    void ofAnApprovalAndARejectionRacingExactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            Approvals a = new Approvals(Duration.ofMinutes(10), 10);
            Approval p = open(a);
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<Approvals.Claim> yes = pool.submit(() -> {
                    go.await();
                    return a.claim(p.id(), "bob", T0);
                });
                Future<Approvals.Claim> no = pool.submit(() -> {
                    go.await();
                    return a.reject(p.id(), "carol", T0);
                });
                go.countDown();
                List<Approvals.Claim> both = List.of(yes.get(), no.get());
                assertThat(both)
                        .filteredOn(c -> c instanceof Approvals.Claim.Won)
                        .hasSize(1);
                assertThat(both)
                        .filteredOn(c -> c instanceof Approvals.Claim.AlreadyDecided)
                        .hasSize(1);
            }
        }
    }

    @Test
    void atTheExpiryItIsTooLate() {
        Approvals a = new Approvals(Duration.ofMinutes(10), 10);
        Approval p = open(a);
        assertThat(a.claim(p.id(), "bob", T0.plus(Duration.ofMinutes(10)))).isInstanceOf(Approvals.Claim.Expired.class);
        assertThat(a.pending(T0)).isEmpty();
    }

    @Test
    void aSingleReadReportsAPendingRequestPastItsExpiryAsExpired() {
        Approvals a = new Approvals(Duration.ofMinutes(10), 10);
        Approval p = open(a);
        Instant later = T0.plus(Duration.ofMinutes(11));
        assertThat(a.find(p.id(), T0.plus(Duration.ofMinutes(9))))
                .map(Approval::state)
                .contains(Approval.State.PENDING);
        assertThat(a.find(p.id(), later)).hasValueSatisfying(x -> {
            assertThat(x.state()).isEqualTo(Approval.State.EXPIRED);
            assertThat(x.decided()).contains(p.expires());
        });
        assertThat(a.find("apr-nope", later)).isEmpty();
    }

    @Test
    void aRecipeIsOneRequestHoldingEveryItem() {
        Approvals a = new Approvals(Duration.ofMinutes(10), 1);
        Recipe r = new Recipe(
                "bottle-500ml",
                "",
                List.of(new WriteItem(TAG, 500), new WriteItem(TagPath.parse("a/b/c/d/e/f/speed"), 120)));
        Approval p = a.openRecipe("alice", r, RES, T0).orElseThrow();
        assertThat(p.recipe()).contains(r);
        assertThat(p.item()).isEqualTo(r.items().getFirst());
        assertThat(p.recordPrefix()).isEqualTo("recipe");
        assertThat(a.open("alice", new WriteItem(TAG, 1), AccessKind.WRITE, RES, T0))
                .as("the recipe counts as one open request")
                .isEmpty();
        assertThat(a.claim(p.id(), "alice", T0)).isInstanceOf(Approvals.Claim.SelfApproval.class);
        assertThat(a.claim(p.id(), "bob", T0)).isInstanceOf(Approvals.Claim.Won.class);
    }

    @Test
    void openRequestsAreBounded() {
        Approvals a = new Approvals(Duration.ofMinutes(10), 2);
        open(a);
        open(a);
        assertThat(a.open("alice", new WriteItem(TAG, 1), AccessKind.WRITE, RES, T0))
                .isEmpty();
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        Approvals a = new Approvals(Duration.ofMinutes(10), 10);
        Approval p = open(a);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Approvals.Claim>> claims = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String who = "approver" + i;
            claims.add(pool.submit(() -> {
                go.await();
                return a.claim(p.id(), who, T0);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Approvals.Claim> c : claims) {
            won += c.get() instanceof Approvals.Claim.Won ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
    }
}
