package io.isthmus.access.audit;

/** The log reached its capacity: the append is refused, and so must the action it would record. */
public final class AuditLogFullException extends RuntimeException {
    public AuditLogFullException(String message) {
        super(message);
    }
}
