package io.isthmus.access.gateway;

import io.isthmus.access.audit.AuditCategory;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.access.identity.Account;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;

/**
 * Who an audit record is in the name of, from which address, and when: an account, the approver an
 * execution runs for, {@code anonymous} before authentication, or {@code gateway} for what the
 * gateway decides itself on a restart. The factories name the kind of record; a record is written
 * without forcing the log to disk unless it is {@link AuditEntry#forced() forced}.
 */
record Actor(String name, InetAddress source, Instant at) {

    Actor(Account who, InetAddress source, Instant at) {
        this(who.name(), source, at);
    }

    /** The same actor at a later instant (an execution's records are stamped as they happen). */
    Actor at(Instant later) {
        return new Actor(name, source, later);
    }

    /** The audit log's source field: {@code name@address}. */
    String auditSource() {
        return name + "@" + source.getHostAddress();
    }

    /** A login, logout or read: SR 2.8 access control. */
    AuditEntry access(String type, String id, AuditResult result, Map<String, String> details) {
        return new AuditEntry(this, AuditCategory.ACCESS_CONTROL, type, id, result, details, false);
    }

    /** A request that failed before anybody was authenticated: SR 2.8 request errors. */
    AuditEntry requestError(String type, AuditResult result, Map<String, String> details) {
        return new AuditEntry(this, AuditCategory.REQUEST_ERROR, type, "", result, details, false);
    }

    /** A change requested, decided, approved or executed: SR 2.8 control system events. */
    AuditEntry change(String type, String id, AuditResult result, Map<String, String> details) {
        return new AuditEntry(this, AuditCategory.CONTROL_SYSTEM, type, id, result, details, false);
    }
}
