package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.ConsoleServer;
import io.isthmus.insight.incident.Incident;
import io.isthmus.insight.incident.IncidentNotFoundException;
import io.isthmus.insight.incident.IncidentStatus;
import io.isthmus.insight.incident.Incidents;
import io.isthmus.insight.incident.InvalidTransitionException;
import io.isthmus.insight.incident.Occurrence;
import io.isthmus.insight.incident.Runbook;
import io.isthmus.model.AssetId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incidents and runbooks on the hub's API (docs/api.md): list and detail, the lifecycle
 * commands (acknowledge, resolve, assign, notes) and the runbooks. Unknown ids are 404, commands
 * the status does not allow 409, malformed parameters and bodies 400, all as RFC 9457 problems.
 */
final class IncidentApi implements ConsoleServer.Routes {
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** A command on one incident, which may refuse. */
    @FunctionalInterface
    private interface Command {
        Incident run(Incidents incidents, JsonNode body) throws IncidentNotFoundException, InvalidTransitionException;
    }

    private final IncidentDesk desk;
    private final Clock clock;
    private ObjectMapper json;

    IncidentApi(IncidentDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        this.json = json;
        app.get("/api/incidents", this::list);
        app.get("/api/incidents/{id}", this::detail);
        app.post(
                "/api/incidents/{id}/acknowledge",
                ctx -> command(ctx, (inc, b) -> inc.acknowledge(ctx.pathParam("id"), field(b, "by"), clock.instant())));
        app.post(
                "/api/incidents/{id}/resolve",
                ctx -> command(
                        ctx,
                        (inc, b) -> inc.resolve(
                                ctx.pathParam("id"), field(b, "by"), optionalField(b, "note"), clock.instant())));
        app.post(
                "/api/incidents/{id}/reopen",
                ctx -> command(ctx, (inc, b) -> inc.reopen(ctx.pathParam("id"), field(b, "by"), clock.instant())));
        app.post(
                "/api/incidents/{id}/assign",
                ctx -> command(
                        ctx,
                        (inc, b) -> inc.assign(
                                ctx.pathParam("id"), field(b, "assignee"), field(b, "by"), clock.instant())));
        app.post(
                "/api/incidents/{id}/notes",
                ctx -> command(
                        ctx,
                        (inc, b) -> inc.note(ctx.pathParam("id"), field(b, "by"), field(b, "text"), clock.instant())));
        app.get("/api/runbooks", this::runbooks);
        app.get("/api/runbooks/{id}", this::runbook);
    }

    private void list(Context ctx) {
        Optional<IncidentStatus> status = Optional.ofNullable(ctx.queryParam("status"))
                .map(s -> {
                    try {
                        return IncidentStatus.parse(s);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("parameter 'status': " + e.getMessage());
                    }
                });
        int limit = ConsoleServer.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = ConsoleServer.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Incidents.Page page = desk.incidents().list(status, limit, offset);
        ctx.json(page(page.items().stream().map(IncidentApi::item).toList(), page.total(), limit, offset));
    }

    private void detail(Context ctx) {
        Optional<Incident> i = desk.incidents().get(ctx.pathParam("id"));
        if (i.isEmpty()) {
            ConsoleServer.problem(ctx, 404, "Not Found", "no incident '" + ctx.pathParam("id") + "'");
            return;
        }
        ctx.json(detail(i.get()));
    }

    private void command(Context ctx, Command c) {
        JsonNode body;
        try {
            body = body(ctx);
        } catch (IllegalArgumentException e) {
            ConsoleServer.problem(ctx, 400, "Bad Request", e.getMessage());
            return;
        }
        try {
            ctx.json(detail(c.run(desk.incidents(), body)));
        } catch (IncidentNotFoundException e) {
            ConsoleServer.problem(ctx, 404, "Not Found", e.getMessage());
        } catch (InvalidTransitionException e) {
            ConsoleServer.problem(ctx, 409, "Conflict", e.getMessage());
        }
    }

    private JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("the body has " + bytes.length + " bytes; at most " + MAX_BODY_BYTES);
        }
        JsonNode n;
        try {
            n = json.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the body cannot be read: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object, e.g. {\"by\": \"maria\"}");
        }
        return n;
    }

    private static String field(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + name + "' is required and must be non-blank text");
        }
        return v.asText();
    }

    private static Optional<String> optionalField(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be text");
        }
        return Optional.of(v.asText());
    }

    private static Map<String, Object> page(List<?> items, int total, int limit, int offset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("total", total);
        m.put("limit", limit);
        m.put("offset", offset);
        return m;
    }

    static Map<String, Object> item(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("status", i.status().token());
        m.put("severity", i.severity().name().toLowerCase(Locale.ROOT));
        m.put("assignee", i.assignee().orElse(null));
        m.put("opened", i.opened().toString());
        m.put("updated", i.updated().toString());
        m.put("assets", i.assets().stream().map(AssetId::value).toList());
        m.put("techniques", i.techniques());
        m.put("faultClasses", i.faultClasses());
        m.put("eventCount", i.eventCount());
        return m;
    }

    private Map<String, Object> detail(Incident i) {
        Map<String, Object> m = item(i);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Occurrence o : i.events()) {
            events.add(HubApi.json(new EventLog.Received(o.origin(), o.sequence(), o.event())));
        }
        m.put("events", events);
        m.put(
                "notes",
                i.notes().stream()
                        .map(n -> Map.of("time", n.time().toString(), "author", n.author(), "text", n.text()))
                        .toList());
        m.put(
                "history",
                i.history().stream()
                        .map(t -> Map.of(
                                "time",
                                t.time().toString(),
                                "by",
                                t.by(),
                                "from",
                                t.from().token(),
                                "to",
                                t.to().token()))
                        .toList());
        m.put("runbook", desk.runbookOf(i).map(IncidentApi::runbook).orElse(null));
        return m;
    }

    private static Map<String, Object> runbook(Runbook r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("markdown", r.markdown());
        return m;
    }

    private void runbooks(Context ctx) {
        int limit = ConsoleServer.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = ConsoleServer.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Runbook> all = desk.runbooks().all();
        List<Map<String, Object>> items = all.stream()
                .skip(offset)
                .limit(limit)
                .map(r -> Map.<String, Object>of("id", r.id(), "title", r.title()))
                .toList();
        ctx.json(page(items, all.size(), limit, offset));
    }

    private void runbook(Context ctx) {
        Optional<Runbook> r = desk.runbooks().get(ctx.pathParam("id"));
        if (r.isEmpty()) {
            ConsoleServer.problem(ctx, 404, "Not Found", "no runbook '" + ctx.pathParam("id") + "'");
            return;
        }
        ctx.json(runbook(r.get()));
    }
}
