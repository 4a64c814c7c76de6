package io.isthmus.app.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The console: static pages from the jar (no CDN) and the REST API they read, plus a server-sent
 * event stream of samples. Binds to one address and port given by the caller.
 */
public final class ConsoleServer implements AutoCloseable {
    private final Javalin app;
    private final LatestValues values;
    private final Supplier<List<TagJson>> tags;
    private final Supplier<Object> health;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final List<RouteInfo> registered = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    /** Routes a role adds to the console's API (the hub's ingest, history and events). */
    @FunctionalInterface
    public interface Routes {
        void register(Javalin app, ObjectMapper json);

        /** All of {@code routes}, registered in order: each capability of the hub adds its own. */
        static Routes all(List<Routes> routes) {
            List<Routes> copy = List.copyOf(routes);
            return (app, json) -> copy.forEach(r -> r.register(app, json));
        }
    }

    public ConsoleServer(LatestValues values, List<TagJson> tags, Supplier<Object> health) {
        this(values, () -> List.copyOf(tags), health, (app, json) -> {});
    }

    public ConsoleServer(LatestValues values, Supplier<List<TagJson>> tags, Supplier<Object> health, Routes extra) {
        this.values = values;
        this.tags = tags;
        this.health = health;
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.useVirtualThreads = true; // Javalin's async pool would otherwise keep a non-daemon thread after stop()
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/console";
                s.location = Location.CLASSPATH;
            });
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.defaultContentType = "application/json";
            c.events(e -> e.handlerAdded(h -> registered.add(RouteInfo.of(h.getHttpMethod(), h.getPath()))));
        });
        routes();
        extra.register(app, json);
    }

    private void routes() {
        app.get("/api/health", ctx -> ctx.json(health.get()));
        app.get("/api/tags", ctx -> ctx.json(Map.of("items", filter(ctx, tags.get(), TagJson::path))));
        app.get("/api/tags/latest", ctx -> {
            List<SampleJson> latest = values.all().stream()
                    .sorted(Comparator.comparing(s -> s.path().toString()))
                    .map(SampleJson::of)
                    .toList();
            ctx.json(Map.of("items", filter(ctx, latest, SampleJson::path)));
        });
        app.get("/api/tags/latest/<path>", this::latestOne);
        app.get(OpenApi.PATH, new OpenApi()::serve);
        app.sse("/api/stream", client -> {
            client.keepAlive();
            clients.add(client);
            client.onClose(() -> clients.remove(client));
        });
        app.error(404, ctx -> {
            String answered = ctx.res().getContentType();
            boolean routeAnswered = answered != null && answered.startsWith(Problem.MEDIA_TYPE);
            if (ctx.path().startsWith("/api/") && !routeAnswered) { // keep a route's own 404 problem
                problem(ctx, 404, "Not Found", "no API endpoint " + ctx.method() + " " + ctx.path());
            }
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, "Bad Request", e.getMessage()));
    }

    /** An HTTP route the server registered: method and OpenAPI-style path ({@code {name}} parameters). */
    public record RouteInfo(String method, String path) {
        static RouteInfo of(HandlerType type, String javalinPath) {
            return new RouteInfo(type.name().toLowerCase(Locale.ROOT), javalinPath.replaceAll("<([^>]+)>", "{$1}"));
        }
    }

    /** Every HTTP endpoint registered so far (not filters, not static files): what the OpenAPI test checks. */
    public List<RouteInfo> registeredRoutes() {
        return registered.stream()
                .filter(r -> HTTP_METHODS.contains(r.method()))
                .distinct()
                .toList();
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    /**
     * Sends one server-sent event to every client of {@code /api/stream}: {@code samples} (values),
     * {@code event} (an event the hub received), {@code incident} (an incident opened or changed).
     * Clients that do not know a name ignore it, so adding names keeps the stream compatible.
     */
    public void publish(String event, Object data) {
        if (clients.isEmpty()) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a " + event + " message", e);
        }
        send(event, text);
    }

    private void send(String event, String data) {
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent(event, data);
            }
        }
    }

    private void latestOne(Context ctx) {
        TagPath path = TagPath.parse(ctx.pathParam("path"));
        Sample s = values.get(path).orElse(null);
        if (s == null) {
            problem(ctx, 404, "Not Found", "no value for tag " + path);
        } else {
            ctx.json(SampleJson.of(s));
        }
    }

    private static <T> List<T> filter(Context ctx, List<T> items, java.util.function.Function<T, String> path) {
        String prefix = ctx.queryParam("prefix");
        if (prefix == null || prefix.isEmpty()) {
            return items;
        }
        if (prefix.length() > 512 || prefix.contains("//")) {
            throw new IllegalArgumentException(
                    "prefix must be whole ISA-95 segments separated by '/', e.g. acme/springfield");
        }
        String p = prefix.endsWith("/") ? prefix : prefix + "/";
        return items.stream().filter(i -> (path.apply(i) + "/").startsWith(p)).toList();
    }

    /**
     * An integer query parameter ({@code limit}, {@code offset}, …): {@code fallback} when absent or
     * empty; not a number or outside {@code min..max} is an {@link IllegalArgumentException} naming
     * the parameter and its range, which the routes answer with a 400 problem.
     */
    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            v = min - 1;
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("parameter '" + name + "' is '" + text + "'; it must be an integer "
                    + min + ".." + (max == Integer.MAX_VALUE ? "" : max));
        }
        return v;
    }

    /** Answers with an RFC 9457 problem document. */
    public static void problem(Context ctx, int status, String title, String detail) {
        ctx.status(HttpStatus.forStatus(status));
        ctx.contentType(Problem.MEDIA_TYPE);
        ctx.json(Problem.of(status, title, detail, ctx.path()));
        ctx.contentType(Problem.MEDIA_TYPE);
    }

    /** Starts serving; a busy port becomes a {@link BindException} naming it. */
    public ConsoleServer start(InetSocketAddress address) throws BindException {
        try {
            app.start(address.getHostString(), address.getPort());
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                app.stop();
                throw new BindException(
                        "port " + address.getPort() + " on " + address.getHostString() + " is already in use");
            }
            throw e;
        }
        subscription = values.subscribe(this::broadcast);
        return this;
    }

    public int port() {
        return app.port();
    }

    private void broadcast(List<Sample> batch) {
        if (clients.isEmpty()) {
            return;
        }
        publish("samples", batch.stream().map(SampleJson::of).toList());
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // removing a listener from a list cannot fail
            }
        }
        for (SseClient c : clients) {
            c.close();
        }
        clients.clear();
        app.stop();
    }
}
