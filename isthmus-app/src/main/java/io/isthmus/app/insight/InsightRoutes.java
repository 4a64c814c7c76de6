package io.isthmus.app.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.console.LatestValues;
import io.isthmus.insight.energy.EmissionFactors;
import io.isthmus.insight.energy.EnergyResult;
import io.isthmus.insight.health.HealthConfig;
import io.isthmus.insight.health.MotorHealth;
import io.isthmus.insight.health.MotorHealthScorer;
import io.isthmus.insight.oee.Grouping;
import io.isthmus.insight.oee.Loss;
import io.isthmus.insight.oee.MachineSpec;
import io.isthmus.insight.oee.MachineState;
import io.isthmus.insight.oee.OeeResult;
import io.isthmus.insight.oee.PeriodLabel;
import io.isthmus.insight.shift.TimeSpan;
import io.isthmus.model.Sample;
import io.isthmus.store.Historian;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's OEE, energy and motor health endpoints (docs/api.md): {@code GET /api/oee}, {@code GET
 * /api/energy}, {@code GET /api/machines/health}. OEE and energy are computed from the historian for
 * the range asked (at most {@link #MAX_RANGE}), the current state counted up to now; motor health is
 * scored live from every sample the hub receives.
 */
public final class InsightRoutes implements ConsoleServer.Routes, AutoCloseable {
    public static final Duration MAX_RANGE = Duration.ofDays(31);
    static final int MAX_LIMIT = 10_000;
    /**
     * How long a result for a range ending "now" is reused. The console's overview asks for OEE and
     * energy of the day so far together, and every open console asks again: one computation from
     * the historian serves them all for this long (both reports come from the same pass).
     */
    static final Duration LIVE_REUSE = Duration.ofSeconds(5);
    /**
     * A result for a range ending now, older than {@link #LIVE_REUSE} but younger than this, is still
     * answered at once while a fresh one is computed in the background (one at a time): a console
     * never waits for the historian pass, and sees figures at most a few seconds behind.
     */
    static final Duration LIVE_STALE = Duration.ofSeconds(60);

    private final Historian historian;
    private final InsightSettings settings;
    private final Clock clock;
    private final MotorHealthScorer scorer = new MotorHealthScorer(HealthConfig.DEFAULT);
    private final Map<String, MotorHealth> health = new HashMap<>();
    private final java.util.Set<String> motorsSeen = new java.util.HashSet<>();
    private final AutoCloseable subscription;
    private final Object computing = new Object();
    private volatile Computed last;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** The last computation of a range ending now ({@code to} not given): reused for {@link #LIVE_REUSE}. */
    private record Computed(Instant from, Grouping by, Instant at, InsightBatch.Outcome outcome) {}

    public InsightRoutes(Historian historian, LatestValues live, InsightSettings settings, Clock clock) {
        this.historian = historian;
        this.settings = settings;
        this.clock = clock;
        this.subscription = live.subscribe(this::score);
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.get("/api/oee", this::oee);
        app.get("/api/energy", this::energy);
        app.get("/api/machines/health", this::machineHealth);
    }

    private void score(List<Sample> batch) {
        synchronized (scorer) {
            for (Sample s : batch) {
                if (s.path().point().equals(HealthConfig.DEFAULT.points().speed())) {
                    motorsSeen.add(s.path().equipmentPath());
                }
                scorer.accept(s).ifPresent(h -> health.put(h.equipment(), h));
            }
        }
    }

    /**
     * The range, grouping and paging of a request; bad values are {@link IllegalArgumentException}s
     * (400). {@code live}: no {@code to} was given, the range ends now.
     */
    record Query(TimeSpan window, Grouping by, int limit, int offset, boolean live) {
        static Query parse(Context ctx, InsightSettings s, Instant now) {
            var zone = s.oee().calendar().zone();
            String by = ctx.queryParam("by");
            String from = ctx.queryParam("from");
            String to = ctx.queryParam("to");
            Instant f = from == null || from.isEmpty()
                    ? LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant()
                    : InsightTimes.parse("parameter 'from'", from, zone);
            Instant t = to == null || to.isEmpty() ? now : InsightTimes.parse("parameter 'to'", to, zone);
            if (!t.isAfter(f)) {
                throw new IllegalArgumentException("parameter 'to' (" + t + ") must be after 'from' (" + f + ")");
            }
            if (Duration.between(f, t).compareTo(MAX_RANGE) > 0) {
                throw new IllegalArgumentException("the range from 'from' to 'to' is longer than " + MAX_RANGE.toDays()
                        + " days; ask for a shorter one or use isthmus report");
            }
            Grouping g;
            try {
                g = by == null || by.isEmpty() ? Grouping.SHIFT : Grouping.parse(by);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter 'by' must be shift or day, was '" + by + "'");
            }
            return new Query(
                    new TimeSpan(f, t),
                    g,
                    ConsoleServer.intParam(ctx, "limit", 1000, 1, MAX_LIMIT),
                    ConsoleServer.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                    to == null || to.isEmpty());
        }
    }

    private InsightBatch.Outcome compute(Query q) {
        if (!q.live()) {
            return run(q);
        }
        Instant now = clock.instant();
        Computed c = last;
        if (c != null && c.from().equals(q.window().from()) && c.by() == q.by() && !now.isBefore(c.at())) {
            Duration age = Duration.between(c.at(), now);
            if (age.compareTo(LIVE_REUSE) < 0) {
                return c.outcome();
            }
            if (age.compareTo(LIVE_STALE) < 0) {
                if (refreshing.compareAndSet(false, true)) {
                    Thread.ofVirtual().name("isthmus-insight-refresh").start(() -> {
                        try {
                            computeNow(q);
                        } catch (RuntimeException e) {
                            // the next request computes in the foreground and reports the error
                        } finally {
                            refreshing.set(false);
                        }
                    });
                }
                return c.outcome();
            }
        }
        return computeNow(q);
    }

    /** One computation at a time: concurrent asks for the same live range wait for it and reuse it. */
    private InsightBatch.Outcome computeNow(Query q) {
        synchronized (computing) {
            Instant now = clock.instant();
            Computed c = last;
            if (c != null
                    && c.from().equals(q.window().from())
                    && c.by() == q.by()
                    && !now.isBefore(c.at())
                    && Duration.between(c.at(), now).compareTo(LIVE_REUSE) < 0) {
                return c.outcome();
            }
            // the range ends at the time of computing, not at the time of the request that asked
            Query fresh = new Query(new TimeSpan(q.window().from(), now), q.by(), q.limit(), q.offset(), true);
            InsightBatch.Outcome o =
                    run(fresh.window().to().isAfter(fresh.window().from()) ? fresh : q);
            last = new Computed(q.window().from(), q.by(), now, o);
            return o;
        }
    }

    private InsightBatch.Outcome run(Query q) {
        try {
            return InsightBatch.run(historian, settings, q.window(), q.by(), line -> {}, false);
        } catch (InsightBatch.NoDataException e) {
            throw new IllegalStateException("unreachable: data not required", e);
        }
    }

    private void oee(Context ctx) {
        Query q = Query.parse(ctx, settings, clock.instant());
        List<Map<String, Object>> items = new ArrayList<>();
        for (OeeResult r : compute(q).oee()) {
            items.add(oeeJson(r));
        }
        ctx.json(page(items, q));
    }

    private void energy(Context ctx) {
        Query q = Query.parse(ctx, settings, clock.instant());
        List<Map<String, Object>> items = new ArrayList<>();
        for (EnergyResult r : compute(q).energy()) {
            items.add(energyJson(r));
        }
        Map<String, Object> out = page(items, q);
        int year = LocalDate.ofInstant(
                        q.window().from(), settings.oee().calendar().zone())
                .getYear();
        out.put(
                "factors",
                settings.energy()
                        .factors()
                        .forYear(year)
                        .map(InsightRoutes::factorsJson)
                        .orElse(null));
        ctx.json(out);
    }

    private void machineHealth(Context ctx) {
        List<Map<String, Object>> items = new ArrayList<>();
        synchronized (scorer) {
            for (MachineSpec m : settings.oee().line().machines()) {
                items.add(healthJson(
                        m, Optional.ofNullable(health.get(m.equipment())), motorsSeen.contains(m.equipment())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", items.size());
        ctx.json(out);
    }

    static Map<String, Object> page(List<Map<String, Object>> all, Query q) {
        int from = (int) Math.min(all.size(), (long) q.offset());
        int to = (int) Math.min(all.size(), (long) from + q.limit());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", all.subList(from, to));
        out.put("total", all.size());
        out.put("limit", q.limit());
        out.put("offset", q.offset());
        return out;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> period(PeriodLabel p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", p.span().from().toString());
        m.put("to", p.span().to().toString());
        m.put("shift", p.shift().orElse(null));
        m.put("day", p.day().toString());
        return m;
    }

    static Map<String, Object> oeeJson(OeeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", r.scope().label());
        m.put("id", r.id());
        m.put("period", period(r.period()));
        m.put("availability", num(r.availability()));
        m.put("performance", num(r.performance()));
        m.put("quality", num(r.quality()));
        m.put("oee", num(r.oee()));
        m.put("plannedBusySeconds", r.plannedBusySeconds());
        m.put("productionSeconds", r.productionSeconds());
        m.put("produced", r.produced());
        m.put("good", r.good());
        List<Map<String, Object>> losses = new ArrayList<>();
        for (Loss l : r.losses()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("faultCode", l.fault().map(f -> f.code()).orElse(null));
            x.put("faultClass", l.fault().map(f -> f.faultClass()).orElse(stateClass(l.state())));
            x.put(
                    "description",
                    l.fault().map(f -> f.description()).orElse(l.state().description()));
            x.put("seconds", l.seconds());
            x.put("count", l.count());
            x.put("machine", l.machine());
            x.put("state", l.state().label());
            losses.add(x);
        }
        m.put("losses", losses);
        return m;
    }

    /** A loss that is not a fault is classed by its state: idle, maintenance, stopped, or no-data. */
    static String stateClass(MachineState s) {
        return s == MachineState.UNKNOWN ? "no-data" : s.label();
    }

    static Map<String, Object> energyJson(EnergyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", r.scope().label());
        m.put("id", r.id());
        m.put("period", period(r.period()));
        m.put("kwh", r.kwh());
        m.put("goodUnits", r.goodUnits());
        m.put("kwhPerGoodUnit", num(r.kwhPerGoodUnit()));
        m.put("co2eLocationKg", num(r.co2eLocationKg()));
        m.put("co2eMarketKg", num(r.co2eMarketKg()));
        return m;
    }

    static Map<String, Object> factorsJson(EmissionFactors f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", f.year());
        m.put("locationKgPerKwh", f.locationKgPerKwh());
        m.put("marketKgPerKwh", f.marketKgPerKwh());
        m.put("source", f.source());
        return m;
    }

    static Map<String, Object> healthJson(MachineSpec m, Optional<MotorHealth> h, boolean seen) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("machine", m.id());
        x.put("equipment", m.equipment());
        if (h.isEmpty()) {
            // seen but not judged yet: the scorer waits for 45 min of running (settling) before it learns
            x.put("phase", seen ? "settling" : null);
            x.put("status", seen ? "learning" : "no-data");
            x.put("score", null);
            return x;
        }
        MotorHealth v = h.get();
        x.put("time", v.time().toString());
        x.put("phase", v.phase().name().toLowerCase(java.util.Locale.ROOT));
        x.put("score", v.score());
        x.put("anomaly", v.anomaly());
        x.put("status", status(v));
        Map<String, Object> drivers = new LinkedHashMap<>();
        drivers.put("vibrationZ", num(v.vibrationZ()));
        drivers.put("temperatureZ", num(v.temperatureZ()));
        drivers.put("currentZ", num(v.currentZ()));
        x.put("drivers", drivers);
        x.put("remainingLifeSeconds", v.remainingLife().map(Duration::toSeconds).orElse(null));
        return x;
    }

    /** learning (no baseline yet), healthy, or anomaly (a signal 4 σ above its healthy mean). */
    static String status(MotorHealth h) {
        if (h.phase() == MotorHealth.Phase.LEARNING) {
            return "learning";
        }
        return h.anomaly() ? "anomaly" : "healthy";
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener from a list cannot fail
        }
    }
}
