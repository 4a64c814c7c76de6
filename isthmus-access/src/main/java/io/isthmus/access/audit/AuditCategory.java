package io.isthmus.access.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The categories of auditable events IEC 62443-3-3 SR 2.8 lists: access control, request errors,
 * control system events, backup and restore, configuration changes, and audit log events.
 */
public enum AuditCategory {
    ACCESS_CONTROL("access-control"),
    REQUEST_ERROR("request-error"),
    CONTROL_SYSTEM("control-system"),
    BACKUP_RESTORE("backup-restore"),
    CONFIGURATION_CHANGE("configuration-change"),
    AUDIT_LOG("audit-log");

    private final String token;

    AuditCategory(String token) {
        this.token = token;
    }

    /** The name in the log line and in exports. */
    public String token() {
        return token;
    }

    public static Optional<AuditCategory> parse(String token) {
        return Arrays.stream(values()).filter(c -> c.token.equals(token)).findFirst();
    }
}
