package io.isthmus.policy;

import io.isthmus.model.AccessKind;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One item of an API request to decide: who (their roles and attributes), from where, when, what,
 * on what.
 *
 * @param attributes the subject's attributes from the user file ({@link SubjectAttributes})
 */
public record AccessRequest(
        String subject,
        Set<String> roles,
        InetAddress source,
        Instant time,
        AccessKind action,
        AccessResource resource,
        Map<String, String> attributes) {
    public AccessRequest {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        attributes = Map.copyOf(attributes);
    }

    /** A request of a subject without attributes. */
    public AccessRequest(
            String subject, Set<String> roles, InetAddress source, Instant time, AccessKind action, AccessResource r) {
        this(subject, roles, source, time, action, r, Map.of());
    }
}
