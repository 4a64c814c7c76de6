package io.isthmus.wire.dnp3.transport;

import java.util.Objects;

/** A transport-layer problem with the values that caused it. */
public record TransportProblem(TransportError error, String detail) {
    public TransportProblem {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
    }
}
