package io.isthmus.access.gateway;

import io.isthmus.access.audit.AuditCategory;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditResult;
import java.util.Map;

/**
 * One audit record the gateway appends, made by {@link Actor}'s factories. The details are read
 * when the entry is recorded, so a caller may go on adding to the same map for its next record.
 *
 * @param durable forced to disk before the action goes on: an approval's state and an execution's
 *     steps, which a restart rebuilds from the log
 */
record AuditEntry(
        Actor by,
        AuditCategory category,
        String type,
        String id,
        AuditResult result,
        Map<String, String> details,
        boolean durable) {

    /** The same record, forced to disk before the call that appends it returns. */
    AuditEntry forced() {
        return new AuditEntry(by, category, type, id, result, details, true);
    }

    /** The event as the audit log numbers and signs it. */
    AuditEvent event() {
        return AuditEvent.of(by.at(), by.auditSource(), category, type, id, result, details);
    }
}
