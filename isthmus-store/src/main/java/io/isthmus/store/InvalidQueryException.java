package io.isthmus.store;

import java.util.Objects;

/** A query the historian refuses to run; {@link #problem()} says which rule it breaks. */
public final class InvalidQueryException extends IllegalArgumentException {

    /** Why a query was refused. */
    public enum Problem {
        /** The range ends before it starts. */
        RANGE_REVERSED,
        /** The aggregation interval is zero or negative. */
        INTERVAL_NOT_POSITIVE,
        /** A raw range limit below 1. */
        LIMIT_NOT_POSITIVE,
        /** More samples or buckets than the historian's configured limits allow. */
        TOO_MANY_POINTS,
        /** An aggregate query that asks for no aggregate or no tag. */
        NOTHING_REQUESTED
    }

    private final Problem problem;

    public InvalidQueryException(Problem problem, String message) {
        super(Objects.requireNonNull(problem, "problem") + ": " + message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
