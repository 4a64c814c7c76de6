package io.isthmus.access.audit;

/** Something the operator must act on before it becomes a refusal: the log is filling up. */
public record AuditWarning(String message, long usedBytes, long maxBytes) {}
