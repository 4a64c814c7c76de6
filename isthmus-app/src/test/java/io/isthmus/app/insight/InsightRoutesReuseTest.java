package io.isthmus.app.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.config.InsightConfigYaml;
import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.console.LatestValues;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.duckdb.DuckDbHistorian;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OEE and energy of a range ending now are computed once and reused for {@link
 * InsightRoutes#LIVE_REUSE} (the overview asks for both, every open console asks again); a range
 * with an explicit end is always computed. A controllable clock decides what "now" is.
 */
class InsightRoutesReuseTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PALLETIZER = "acme/springfield/packaging/line1/palletizing/palletizer/";
    static final Instant START = Instant.parse("2026-11-25T05:00:00Z");

    @TempDir
    Path dir;

    final AtomicReference<Instant> now = new AtomicReference<>(START.plus(Duration.ofHours(4)));

    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    static List<Sample> minutes(int from, int to) {
        List<Sample> s = new ArrayList<>();
        for (int k = from; k < to; k++) {
            Instant t = START.plusSeconds(60L * k);
            s.add(Sample.good(TagPath.parse(PALLETIZER + "state"), t, Value.of(1)));
            s.add(Sample.good(TagPath.parse(PALLETIZER + "faultCode"), t, Value.of(0)));
            s.add(Sample.good(TagPath.parse(PALLETIZER + "goodCount"), t, Value.of(100L * k)));
            s.add(Sample.good(TagPath.parse(PALLETIZER + "rejectCount"), t, Value.of(0)));
        }
        return s;
    }

    @Test
    void aLiveRangeIsComputedOnceForAFewSecondsAndAnExplicitRangeAlways() throws Exception {
        try (DuckDbHistorian historian = DuckDbHistorian.open(HistorianConfig.create(dir.resolve("h")));
                InsightRoutes routes =
                        new InsightRoutes(historian, new LatestValues(), InsightConfigYaml.builtIn(), clock);
                ConsoleServer server = new ConsoleServer(new LatestValues(), List::of, Map::of, routes)
                        .start(new InetSocketAddress("127.0.0.1", 0))) {
            String base = "http://127.0.0.1:" + server.port();
            String live = "/api/oee?by=day&from=" + START;
            String fixed = "/api/oee?by=day&from=" + START + "&to=" + START.plus(Duration.ofHours(2));
            historian.append(minutes(0, 60));
            long first = produced(base, live);
            assertThat(first).isPositive();

            historian.append(minutes(60, 120)); // a second hour arrives
            now.set(now.get().plusSeconds(4));
            assertThat(produced(base, live)).as("reused within 5 s").isEqualTo(first);
            assertThat(produced(base, fixed))
                    .as("an explicit range is computed")
                    .isGreaterThan(first);

            now.set(now.get().plusSeconds(1));
            assertThat(produced(base, live))
                    .as("after 5 s the last result is answered at once while a fresh one is computed")
                    .isEqualTo(first);
            long deadline = System.nanoTime() + 30_000_000_000L;
            long refreshed = first;
            while (refreshed == first && System.nanoTime() < deadline) {
                Thread.sleep(20);
                refreshed = produced(base, live);
            }
            assertThat(refreshed).as("the background computation's result").isGreaterThan(first);

            historian.append(minutes(120, 180));
            now.set(now.get().plus(InsightRoutes.LIVE_STALE));
            assertThat(produced(base, live))
                    .as("a result older than a minute is not answered: computed now")
                    .isGreaterThan(refreshed);
        }
    }

    static long produced(String base, String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode i : JSON.readTree(r.body()).get("items")) {
            if (i.get("scope").asText().equals("line")) {
                return i.get("produced").asLong();
            }
        }
        throw new AssertionError("no line item in " + r.body());
    }
}
