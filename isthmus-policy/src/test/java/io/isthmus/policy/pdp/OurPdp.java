package io.isthmus.policy.pdp;

import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.AccessRequest;
import io.isthmus.policy.AccessRules;
import io.isthmus.policy.Operation;
import io.isthmus.policy.Policy;
import java.util.List;

/** Our evaluator: {@link Policy#decide} and {@link AccessRules#decide} on the typed requests. */
final class OurPdp implements Pdp {
    private final Policy policy;
    private final AccessRules rules;
    private final Operation[] operations;
    private final AccessRequest[] requests;

    OurPdp(List<Operation> operations, List<AccessQuery> queries) {
        this.policy = FactoryPolicies.zones();
        this.rules = FactoryPolicies.access(policy);
        this.operations = operations.toArray(Operation[]::new);
        this.requests = queries.stream()
                .map(q -> new AccessRequest(
                        q.user(), FactoryPolicies.USERS.get(q.user()), q.source(), q.time(), q.action(), q.resource()))
                .toArray(AccessRequest[]::new);
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public boolean zoneAllows(int i) {
        return policy.decide(operations[i]).allowed();
    }

    @Override
    public Outcome access(int i) {
        return rules.decide(requests[i]).outcome();
    }
}
