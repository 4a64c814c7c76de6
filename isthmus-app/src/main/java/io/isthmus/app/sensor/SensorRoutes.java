package io.isthmus.app.sensor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.map.MapLayout;
import io.isthmus.app.map.MapSvg;
import io.isthmus.app.map.NetworkMap;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventorySnapshot;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The sensor's REST API (docs/api.md): {@code GET /api/sensor}, {@code /api/sensor/metrics}
 * (Prometheus), {@code /api/assets}, {@code
 * /api/assets/{id}}, {@code /api/map} and {@code /api/map.svg}. Without a sensor the same routes
 * answer with an empty inventory and {@code state: off}, so the console needs no special case.
 */
public final class SensorRoutes implements ConsoleServer.Routes {
    private static final SensorStatus OFF =
            new SensorStatus(null, "off", 0, 0, 0, 0, 0, false, null, null, 0, null, null, null);
    private final Optional<LiveSensor> sensor;
    private final BiFunction<Long, Event, Map<String, Object>> eventJson;
    private InventorySnapshot mapFor; // guarded by this
    private NetworkMap map; // guarded by this

    /** @param eventJson an event as {@code /api/events} shows it, given the sensor's sequence number */
    public SensorRoutes(Optional<LiveSensor> sensor, BiFunction<Long, Event, Map<String, Object>> eventJson) {
        this.sensor = sensor;
        this.eventJson = eventJson;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.get("/api/sensor", this::status);
        app.get("/api/sensor/metrics", this::metrics);
        app.get("/api/assets", this::assets);
        app.get("/api/assets/{id}", this::asset);
        app.get("/api/map", this::mapJson);
        app.get("/api/map.svg", this::mapSvg);
    }

    private void status(Context ctx) {
        ctx.json(sensor.map(LiveSensor::status).orElse(OFF));
    }

    /** Prometheus text (exposition format 0.0.4) of the sensor's counters, for a scraper. */
    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(SensorMetrics.prometheus(sensor.map(LiveSensor::status).orElse(OFF)));
    }

    private InventorySnapshot snapshot() {
        return sensor.map(LiveSensor::snapshot).orElse(new InventorySnapshot(List.of(), List.of(), 0, 0, ""));
    }

    private List<LiveSensor.Raised> alerts() {
        return sensor.map(LiveSensor::raised).orElse(List.of()).stream()
                .filter(LiveSensor.Raised::alert)
                .toList();
    }

    private AssetItems items(InventorySnapshot s, List<LiveSensor.Raised> alerts) {
        Map<AssetId, Long> counts = new HashMap<>();
        alerts.forEach(r -> r.event().assets().forEach(a -> counts.merge(a, 1L, Long::sum)));
        return new AssetItems(s, sensor.flatMap(x -> x.settings().policy()), id -> counts.getOrDefault(id, 0L));
    }

    private void assets(Context ctx) {
        AssetQuery q = AssetQuery.parse(ctx.queryParamMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().getFirst())));
        ctx.json(items(snapshot(), alerts()).list(q));
    }

    private void asset(Context ctx) {
        String id = ctx.pathParam("id");
        InventorySnapshot s = snapshot();
        List<LiveSensor.Raised> alerts = alerts();
        AssetItems items = items(s, alerts);
        Optional<InventoryAsset> a = items.find(id);
        if (a.isEmpty()) {
            ConsoleServer.problem(ctx, 404, "Not Found", "no asset with id '" + id + "' in the inventory");
            return;
        }
        Map<String, Object> m = items.item(a.get());
        m.put("peers", items.peers(a.get()));
        m.put(
                "alerts",
                alerts.reversed().stream()
                        .filter(r -> r.event().assets().contains(a.get().id()))
                        .map(r -> eventJson.apply(r.sequence(), r.event()))
                        .toList());
        ctx.json(m);
    }

    /** The layout of the current snapshot, laid out again only when the snapshot changed. */
    private synchronized NetworkMap layout(InventorySnapshot s) {
        if (s != mapFor) {
            map = MapLayout.layout(s);
            mapFor = s;
        }
        return map;
    }

    private void mapJson(Context ctx) {
        InventorySnapshot s = snapshot();
        AssetItems items = items(s, List.of());
        Set<List<String>> violations = new HashSet<>();
        for (LiveSensor.Raised r : alerts()) {
            var facts = r.event().evidence();
            boolean policy = facts.fact("rule").map(x -> x.startsWith("policy")).orElse(false);
            if (policy && facts.fact("src").isPresent() && facts.fact("dst").isPresent()) {
                violations.add(List.of(
                        "ip:" + facts.fact("src").get(),
                        "ip:" + facts.fact("dst").get()));
            }
        }
        ctx.json(MapJson.of(layout(s), s, id -> s.asset(id).flatMap(a -> items.zone(a.asset())), violations));
    }

    private void mapSvg(Context ctx) {
        ctx.contentType("image/svg+xml");
        ctx.result(MapSvg.render(layout(snapshot())));
    }
}
