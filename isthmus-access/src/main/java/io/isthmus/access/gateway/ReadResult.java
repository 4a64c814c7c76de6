package io.isthmus.access.gateway;

import io.isthmus.model.Sample;

/** The answer to a read: the latest value, a denial, or nothing known about the tag. */
public sealed interface ReadResult {
    record Value(Sample sample) implements ReadResult {}

    record Denied(String reason, String detail) implements ReadResult {}

    record NotFound(String detail) implements ReadResult {}
}
