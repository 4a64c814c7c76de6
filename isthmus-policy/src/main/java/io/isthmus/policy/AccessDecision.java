package io.isthmus.policy;

import java.util.Objects;

/**
 * The answer of {@link AccessRules#decide}: allow, allow once a second person approves, or deny;
 * the stable reason, the rule that decided ({@code role#permission-index}, or {@code default-deny})
 * and one sentence for people.
 */
public record AccessDecision(Outcome outcome, Reason reason, String rule, String explanation) {
    public enum Outcome {
        ALLOW,
        NEEDS_APPROVAL,
        DENY
    }

    /** Why; ordered so that the later of two denials is the closer miss, the one worth reporting. */
    public enum Reason {
        GRANTED(Outcome.ALLOW),
        APPROVAL_REQUIRED(Outcome.NEEDS_APPROVAL),
        /** The subject holds no role the rules define. */
        NO_ROLE(Outcome.DENY),
        /** No permission of the subject's roles covers the resource. */
        NO_PERMISSION(Outcome.DENY),
        /** A permission covers the resource, but not this action. */
        ACTION_NOT_GRANTED(Outcome.DENY),
        /** A permission covers the resource and action, but the subject's attributes do not meet its conditions. */
        SUBJECT_NOT_MATCHED(Outcome.DENY),
        OUTSIDE_TIME_WINDOW(Outcome.DENY),
        SOURCE_NOT_ALLOWED(Outcome.DENY);

        private final Outcome outcome;

        Reason(Outcome outcome) {
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public AccessDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
        if (reason.outcome() != outcome) {
            throw new IllegalArgumentException("reason " + reason + " gives " + reason.outcome() + ", not " + outcome);
        }
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
