package io.isthmus.app.gateway;

import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One audit directory that a test "restarts" a gateway over: each {@link #reopen()} closes the
 * previous log as the process would leave it and opens the same directory again.
 */
final class RestartingAuditLog implements AutoCloseable {
    private final Path dir;
    private final List<AuditLog> opened = new ArrayList<>();

    RestartingAuditLog(Path parent, String prefix) throws IOException {
        this.dir = Files.createTempDirectory(parent, prefix);
    }

    Path dir() {
        return dir;
    }

    /** The log a fresh process would open: the previous one closed first. */
    AuditLog reopen() throws IOException {
        if (!opened.isEmpty()) {
            opened.getLast().close();
        }
        AuditLog log = AuditLog.open(dir, AuditConfig.DEFAULT, Clock.systemUTC(), w -> {});
        opened.add(log);
        return log;
    }

    /** The log opened last. */
    AuditLog current() {
        return opened.getLast();
    }

    @Override
    public void close() throws IOException {
        for (AuditLog l : opened) {
            l.close();
        }
    }
}
