package io.isthmus.wire.iec104.asdu;

import java.util.Objects;

/** An ASDU problem with the values that caused it. */
public record AsduProblem(AsduError error, String detail) {
    public AsduProblem {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
    }
}
