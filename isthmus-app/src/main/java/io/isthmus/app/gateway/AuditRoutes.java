package io.isthmus.app.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.audit.AuditCategory;
import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.audit.AuditEvent;
import io.isthmus.access.audit.AuditKeys;
import io.isthmus.access.audit.AuditLog;
import io.isthmus.access.audit.AuditReader;
import io.isthmus.access.audit.AuditRecord;
import io.isthmus.access.audit.AuditResult;
import io.isthmus.access.audit.AuditVerifier;
import io.isthmus.access.audit.Checkpoint;
import io.isthmus.access.audit.Finding;
import io.isthmus.access.audit.VerificationReport;
import io.isthmus.app.console.ConsoleServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /api/audit}: the gateway's audit log for the console, newest first, filtered by
 * category, type and result, with the log's verification (the whole log recomputed against its
 * signed checkpoints, with the public key beside the log — the console's view; {@code isthmus audit
 * verify} with a key kept off the host is the real check) and its capacity. Only the page asked for
 * is kept in memory, however long the log.
 */
public final class AuditRoutes implements ConsoleServer.Routes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditLog log;
    private final AuditConfig config;
    private Verified cached;

    AuditRoutes(AuditLog log, AuditConfig config) {
        this.log = log;
        this.config = config;
    }

    private record Verified(long records, long bytes, Map<String, Object> json) {}

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.get("/api/audit", this::list);
    }

    private void list(Context ctx) throws IOException {
        int limit = ConsoleServer.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = ConsoleServer.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Predicate<AuditEvent> filter = filter(ctx);
        ArrayDeque<AuditRecord> newest = new ArrayDeque<>();
        long[] total = {0};
        long window = (long) limit + offset;
        AuditReader.read(
                log.directory(),
                config.limits(),
                r -> {
                    if (filter.test(r.event())) {
                        total[0]++;
                        newest.addLast(r);
                        if (newest.size() > window) {
                            newest.removeFirst();
                        }
                    }
                },
                c -> {});
        List<Map<String, Object>> items = new ArrayList<>();
        List<AuditRecord> newestFirst = new ArrayList<>(newest).reversed();
        for (int i = offset; i < newestFirst.size() && items.size() < limit; i++) {
            items.add(recordJson(newestFirst.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", total[0]);
        out.put("limit", limit);
        out.put("offset", offset);
        out.put("verified", verified());
        out.put("capacity", capacity());
        ctx.json(out);
    }

    private static Predicate<AuditEvent> filter(Context ctx) {
        Optional<AuditCategory> category = Optional.ofNullable(ctx.queryParam("category"))
                .map(c -> AuditCategory.parse(c)
                        .orElseThrow(() -> new IllegalArgumentException("parameter 'category' is '" + c
                                + "'; it must be one of "
                                + Arrays.stream(AuditCategory.values())
                                        .map(AuditCategory::token)
                                        .toList())));
        Optional<AuditResult> result = Optional.ofNullable(ctx.queryParam("result"))
                .map(r -> AuditResult.parse(r)
                        .orElseThrow(() -> new IllegalArgumentException("parameter 'result' is '" + r
                                + "'; it must be one of "
                                + Arrays.stream(AuditResult.values())
                                        .map(AuditResult::token)
                                        .toList())));
        String type = ctx.queryParam("type");
        if (type != null && (type.isEmpty() || type.length() > 64)) {
            throw new IllegalArgumentException("parameter 'type' must be 1..64 characters, e.g. write.requested");
        }
        return e -> category.map(c -> c == e.category()).orElse(true)
                && result.map(r -> r == e.result()).orElse(true)
                && (type == null || type.equals(e.type()));
    }

    static Map<String, Object> recordJson(AuditRecord r) {
        AuditEvent e = r.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.sequence());
        m.put("time", e.time().toString());
        m.put("source", e.source());
        m.put("category", e.category().token());
        m.put("type", e.type());
        m.put("id", e.eventId());
        m.put("result", e.result().token());
        int at = e.source().lastIndexOf('@');
        m.put("actor", at > 0 ? e.source().substring(0, at) : e.source());
        m.put("detail", e.details());
        return m;
    }

    /** Recomputed when the log grew since the last request; one verification at a time. */
    private synchronized Map<String, Object> verified() throws IOException {
        long records = log.size();
        long bytes = log.bytes();
        if (cached != null && cached.records() == records && cached.bytes() == bytes) {
            return cached.json();
        }
        VerificationReport report = new AuditVerifier(config.limits())
                .verify(
                        log.directory(),
                        AuditKeys.readPublic(log.directory().resolve(AuditKeys.PUBLIC_FILE)),
                        Optional.empty());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", report.ok());
        m.put("records", report.records());
        m.put("checkpoint", report.latest().map(AuditRoutes::checkpointJson).orElse(null));
        m.put(
                "problem",
                report.findings().stream()
                        .filter(f -> f.kind().failure())
                        .findFirst()
                        .map(AuditRoutes::findingText)
                        .orElse(null));
        m.put(
                "warnings",
                report.findings().stream()
                        .filter(f -> !f.kind().failure())
                        .map(AuditRoutes::findingText)
                        .toList());
        cached = new Verified(records, bytes, m);
        return m;
    }

    private static Map<String, Object> checkpointJson(Checkpoint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", c.size());
        m.put("time", c.time().toString());
        return m;
    }

    private static String findingText(Finding f) {
        return f.kind() + " at line " + f.line() + ": " + f.detail();
    }

    private Map<String, Object> capacity() {
        long used = log.bytes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("used", used);
        m.put("limit", config.maxBytes());
        m.put("warning", used >= config.maxBytes() * config.warnAtFraction());
        return m;
    }
}
