package io.isthmus.wire.dnp3.app;

import java.util.Objects;

/** An application-layer problem with the values that caused it and where in the fragment. */
public record AppProblem(AppError error, String detail, int offset) {
    public AppProblem {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
    }
}
