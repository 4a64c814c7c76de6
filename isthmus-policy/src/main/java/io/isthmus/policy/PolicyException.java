package io.isthmus.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be used: every problem found, not only the first. */
public final class PolicyException extends Exception {
    private final transient List<PolicyProblem> problems;

    public PolicyException(List<PolicyProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the policy: "
                + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
