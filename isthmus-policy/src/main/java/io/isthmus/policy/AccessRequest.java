package io.isthmus.policy;

import io.isthmus.model.AccessKind;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One item of an API request to decide: who (their roles), from where, when, what, on what. */
public record AccessRequest(
        String subject,
        Set<String> roles,
        InetAddress source,
        Instant time,
        AccessKind action,
        AccessResource resource) {
    public AccessRequest {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }
}
