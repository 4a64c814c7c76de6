package io.isthmus.access.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happened, before the log numbers it: the SR 2.8 fields and free details.
 *
 * @param time when it happened
 * @param source who or what: a user account, a service account, a process, with its address when
 *     known (e.g. {@code alice@10.1.2.3})
 * @param category the SR 2.8 category
 * @param type what kind of event within the category, dotted lower case (e.g. {@code login},
 *     {@code write.requested}, {@code write.approved})
 * @param eventId the id of the request or action it belongs to, so that request, approval and
 *     execution can be followed; empty when there is none
 * @param result the outcome
 * @param details further facts (tag path, old and new value, reason of a denial), sorted by key
 */
public record AuditEvent(
        Instant time,
        String source,
        AuditCategory category,
        String type,
        String eventId,
        AuditResult result,
        SortedMap<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(result, "result");
        details = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(details));
        if (source.isEmpty() || type.isEmpty()) {
            throw new IllegalArgumentException("an audit event needs a source and a type");
        }
    }

    public static AuditEvent of(
            Instant time,
            String source,
            AuditCategory category,
            String type,
            String eventId,
            AuditResult result,
            Map<String, String> details) {
        return new AuditEvent(time, source, category, type, eventId, result, new TreeMap<>(details));
    }
}
