package io.isthmus.access.gateway;

import io.isthmus.access.audit.AuditResult;
import io.isthmus.model.TagPath;
import io.isthmus.policy.Decision;
import io.isthmus.policy.Operation;
import io.isthmus.policy.Policy;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Executes a decided recipe: the path to OT plans its wire operations (one per contiguous register
 * run of one device), <em>every</em> operation is decided against the zones-and-conduits policy from
 * the gateway's own address before the first is sent, the durable {@code recipe.executing} record
 * comes next, then the runs in order. When a run fails the rest are not sent, and the
 * {@code recipe.failed} record says item by item what was written, what not, and what may have been
 * (a run sent without an answer): no partial success goes unreported.
 */
final class RecipeRunner {
    private final OtPath ot;
    private final Policy policy;
    private final InetAddress gatewayAddress;
    private final Clock clock;
    /** Appends one audit record: the gateway's own, so fail-closed holds. */
    private final Consumer<AuditEntry> recorder;

    RecipeRunner(OtPath ot, Policy policy, InetAddress gatewayAddress, Clock clock, Consumer<AuditEntry> recorder) {
        this.ot = ot;
        this.policy = policy;
        this.gatewayAddress = gatewayAddress;
        this.clock = clock;
        this.recorder = recorder;
    }

    /** Executes {@code r} in the name of {@code by}; its records are stamped as they happen. */
    RecipeResult execute(Actor by, String id, Recipe r, String requester) {
        Map<String, String> details = RecipeRecords.put(new LinkedHashMap<>(), r);
        if (!requester.isEmpty()) {
            details.put("requester", requester);
        }
        List<RecipeRun> runs;
        try {
            runs = ot.plan(r.items());
        } catch (IllegalArgumentException e) {
            return denied(by, id, details, r.items().getFirst().tag(), "not-writable", e.getMessage());
        }
        List<String> conduits = new ArrayList<>();
        for (RecipeRun run : runs) {
            Decision d = policy.decide(fromGateway(gatewayAddress, run.operation()));
            if (!d.allowed()) {
                details.put("conduit", d.rule());
                return denied(by, id, details, run.items().getFirst().tag(), "conduit-denied", d.explanation());
            }
            if (!conduits.contains(d.rule())) {
                conduits.add(d.rule());
            }
        }
        details.put("conduit", String.join(",", conduits));
        record(by, "executing", id, AuditResult.PENDING, details);
        Outcomes done = new Outcomes(r.items().size());
        for (RecipeRun run : runs) {
            try {
                ot.execute(run);
                done.set(run, RecipeResult.Outcome.WRITTEN);
            } catch (OtPath.NotWrittenException e) {
                return failed(by, id, r, details, done, e.getMessage());
            } catch (IOException e) {
                done.set(run, RecipeResult.Outcome.UNKNOWN);
                return failed(by, id, r, details, done, String.valueOf(e.getMessage()));
            }
        }
        record(by, "executed", id, AuditResult.SUCCESS, details);
        return new RecipeResult.Executed(id, r);
    }

    /**
     * The wire operation as the conduit check sees it: from the gateway's configured address towards
     * OT, whatever address the connection may leave from (single writes are checked the same way).
     */
    static Operation fromGateway(InetAddress gatewayAddress, Operation wire) {
        return new Operation(
                gatewayAddress,
                wire.server(),
                wire.protocol(),
                wire.access(),
                wire.function(),
                wire.unit(),
                wire.address(),
                wire.quantity());
    }

    private RecipeResult denied(
            Actor by, String id, Map<String, String> details, TagPath tag, String reason, String detail) {
        details.put("reason", reason + ": " + detail);
        record(by, "executed", id, AuditResult.DENIED, details);
        return new RecipeResult.Denied(List.of(new ItemResult.Denied(tag, reason, detail)));
    }

    private RecipeResult failed(
            Actor by, String id, Recipe r, Map<String, String> details, Outcomes done, String detail) {
        for (RecipeResult.Outcome o : RecipeResult.Outcome.values()) {
            List<Integer> of = done.indexes(o);
            if (!of.isEmpty()) {
                details.put(o.id(), RecipeRecords.numbers(of));
            }
        }
        details.put("reason", detail);
        record(by, "failed", id, AuditResult.FAILURE, details);
        List<RecipeResult.ItemOutcome> items = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            items.add(new RecipeResult.ItemOutcome(r.items().get(i).tag(), done.of(i)));
        }
        return new RecipeResult.Failed(id, r, items, detail);
    }

    /** A durable {@code recipe.STAGE} record, stamped now. */
    private void record(Actor by, String stage, String id, AuditResult result, Map<String, String> details) {
        recorder.accept(by.at(clock.instant())
                .change(RecipeRecords.PREFIX + "." + stage, id, result, details)
                .forced());
    }

    /** Each item's outcome so far; not written until its run is confirmed. */
    private static final class Outcomes {
        private final RecipeResult.Outcome[] of;

        Outcomes(int n) {
            of = new RecipeResult.Outcome[n];
            java.util.Arrays.fill(of, RecipeResult.Outcome.NOT_WRITTEN);
        }

        void set(RecipeRun run, RecipeResult.Outcome o) {
            run.indexes().forEach(i -> of[i] = o);
        }

        RecipeResult.Outcome of(int i) {
            return of[i];
        }

        List<Integer> indexes(RecipeResult.Outcome o) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < of.length; i++) {
                if (of[i] == o) {
                    out.add(i);
                }
            }
            return out;
        }
    }
}
