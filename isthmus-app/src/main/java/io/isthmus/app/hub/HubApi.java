package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.ConsoleServer;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.model.Event;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.Bucket;
import io.isthmus.store.Historian;
import io.isthmus.store.InvalidQueryException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub's routes on the console server: {@code POST /api/ingest} for edges, {@code GET
 * /api/tags/history} and {@code GET /api/events} for people and tools. Errors are RFC 9457
 * problems.
 */
final class HubApi implements ConsoleServer.Routes {
    static final int MAX_EVENTS = EventLog.CAPACITY;

    private final Historian historian;
    private final Ingest ingest;
    private final EventLog events;
    private final int maxIngestBytes;
    private final int maxPoints;
    private final Clock clock;

    HubApi(Historian historian, Ingest ingest, EventLog events, int maxIngestBytes, int maxPoints, Clock clock) {
        this.historian = historian;
        this.ingest = ingest;
        this.events = events;
        this.maxIngestBytes = maxIngestBytes;
        this.maxPoints = maxPoints;
        this.clock = clock;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.post("/api/ingest", this::ingest);
        app.get("/api/tags/history", this::history);
        app.get("/api/events", this::events);
        app.exception(
                InvalidQueryException.class,
                (e, ctx) -> ConsoleServer.problem(ctx, 400, "Bad Request", e.getMessage()));
    }

    private void ingest(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.startsWith(TransferCodec.MEDIA_TYPE)) {
            ConsoleServer.problem(
                    ctx, 415, "Unsupported Media Type", "post a transfer batch as " + TransferCodec.MEDIA_TYPE);
            return;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxIngestBytes) {
            ConsoleServer.problem(
                    ctx,
                    413,
                    "Content Too Large",
                    "the body has " + declared + " bytes; the hub accepts at most " + maxIngestBytes);
            return;
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(maxIngestBytes + 1);
        }
        if (body.length > maxIngestBytes) {
            ConsoleServer.problem(ctx, 413, "Content Too Large", "the body has more than " + maxIngestBytes + " bytes");
            return;
        }
        try {
            ctx.json(ingest.accept(body));
        } catch (Ingest.Refused r) {
            ConsoleServer.problem(ctx, r.status, r.status == 403 ? "Forbidden" : "Bad Request", r.getMessage());
        }
    }

    private void history(Context ctx) {
        HistoryQuery q = HistoryQuery.parse(ctx.queryParamMap(), clock.instant(), maxPoints);
        AggregateSeries series = historian.aggregate(q.path(), q.from(), q.to(), q.interval(), Set.of(q.aggregate()));
        List<Map<String, Object>> points = new ArrayList<>(series.buckets().size());
        for (Bucket b : series.buckets()) {
            var v = b.value(q.aggregate());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("t", b.start().toString());
            p.put("v", v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null);
            points.add(p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", q.path().toString());
        out.put("from", q.from().toString());
        out.put("to", q.to().toString());
        out.put("interval", q.interval().toString());
        out.put("agg", q.aggName());
        out.put("points", points);
        ctx.json(out);
    }

    private void events(Context ctx) {
        String limitText = ctx.queryParam("limit");
        int limit = 100;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_EVENTS) {
                throw new IllegalArgumentException(
                        "parameter 'limit' is '" + limitText + "'; it must be 1.." + MAX_EVENTS);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (EventLog.Received r : events.newest(limit)) {
            items.add(json(r));
        }
        ctx.json(Map.of("items", items, "total", events.total()));
    }

    /** An event as {@code GET /api/events} lists it (also inside an incident). */
    static Map<String, Object> json(EventLog.Received r) {
        Event e = r.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("edge", r.edge());
        m.put("sequence", r.sequence());
        m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("severity", e.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("title", e.title());
        m.put("summary", e.evidence().summary());
        Map<String, String> facts = new LinkedHashMap<>();
        e.evidence().facts().forEach(f -> facts.putIfAbsent(f.name(), f.value()));
        m.put("facts", facts);
        m.put("assets", e.assets().stream().map(Object::toString).toList());
        m.put("techniques", e.techniques().stream().map(t -> t.id()).toList());
        return m;
    }
}
