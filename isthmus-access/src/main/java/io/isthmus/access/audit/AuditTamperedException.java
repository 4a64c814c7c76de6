package io.isthmus.access.audit;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** The log on disk fails verification: it will not be appended to until someone looks at it. */
public final class AuditTamperedException extends IOException {
    private final transient List<Finding> findings;

    public AuditTamperedException(String dir, List<Finding> findings) {
        super("the audit log in " + dir + " fails verification: "
                + findings.stream()
                        .filter(f -> f.kind().failure())
                        .map(f -> f.kind() + (f.line() > 0 ? " at line " + f.line() : "") + ": " + f.detail())
                        .collect(Collectors.joining("; ")));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
