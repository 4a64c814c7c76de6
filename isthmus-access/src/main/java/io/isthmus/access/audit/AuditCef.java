package io.isthmus.access.audit;

import io.isthmus.model.Severity;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An audit record as an ArcSight Common Event Format line (CEF rev. 25), for SIEMs: header fields
 * escape {@code \} and {@code |}, extension values {@code \}, {@code =} and line breaks, so a
 * hostile source or detail cannot inject a field.
 */
public final class AuditCef {
    private AuditCef() {}

    /** Denials and failures need a look during the shift; control actions are worth noting. */
    public static Severity severity(AuditRecord r) {
        return switch (r.event().result()) {
            case DENIED, FAILURE -> Severity.MEDIUM;
            case PENDING, SUCCESS ->
                r.event().category() == AuditCategory.CONTROL_SYSTEM ? Severity.LOW : Severity.INFO;
        };
    }

    public static String format(AuditRecord r, String version) {
        AuditEvent e = r.event();
        String details = e.details().entrySet().stream()
                .map(d -> d.getKey() + "=" + d.getValue())
                .collect(Collectors.joining(";"));
        StringBuilder b = new StringBuilder(256);
        b.append("CEF:0|Isthmus|Isthmus|")
                .append(header(version))
                .append('|')
                .append(header("audit:" + e.category().token() + ":" + e.type()))
                .append('|')
                .append(header(
                        e.category().token() + " " + e.type() + " " + e.result().token()))
                .append('|')
                .append(severity(r).cefSeverity())
                .append('|');
        extension(b, "rt", Long.toString(e.time().toEpochMilli()));
        extension(b, "cat", e.category().token());
        extension(b, "suser", e.source());
        extension(b, "outcome", e.result().token());
        extension(b, "externalId", Long.toString(r.sequence()));
        if (!e.eventId().isEmpty()) {
            extension(b, "cs1Label", "eventId");
            extension(b, "cs1", e.eventId());
        }
        if (!details.isEmpty()) {
            extension(b, "cs2Label", "details");
            extension(b, "cs2", details);
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }

    /** The checkpoint as a CEF line, so the SIEM holds the witness that reveals a rollback. */
    public static String format(Checkpoint c, String version) {
        StringBuilder b = new StringBuilder(256);
        b.append("CEF:0|Isthmus|Isthmus|").append(header(version)).append("|audit:checkpoint|audit log checkpoint|0|");
        for (Map.Entry<String, String> f : Map.of(
                        "rt", Long.toString(c.time().toEpochMilli()),
                        "cn1Label", "treeSize",
                        "cn1", Long.toString(c.size()),
                        "cs1Label", "checkpoint",
                        "cs1", c.line())
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            extension(b, f.getKey(), f.getValue());
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static String header(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static void extension(StringBuilder b, String key, String value) {
        b.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '=' -> b.append("\\=");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        b.append(' ');
    }
}
