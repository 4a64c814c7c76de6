package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.demo.DemoRuntime;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.sim.scenario.Scenario;
import io.isthmus.store.Historian;
import io.isthmus.store.JournalId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Test bench for the fault tests: the virtual factory on free ports, a hub and an edge as {@code
 * isthmus hub} and {@code isthmus edge} run them, all on 127.0.0.1, and a tap that records every
 * sample record the edge's journal acknowledged, to compare with what lands in the historian.
 */
final class Plant {
    static final String SITE = "test-line";

    final Path dir;
    final VirtualFactory factory;
    final ConcurrentLinkedQueue<Journaled> journaled = new ConcurrentLinkedQueue<>();

    Plant(Path dir) throws Exception {
        this.dir = dir;
        int opcUa = freePort();
        this.factory = VirtualFactory.start(
                VirtualFactoryConfig.defaults().with(b -> {
                    b.modbusBasePort = 0;
                    b.opcUaPort = opcUa;
                    b.scenario = Scenario.idle();
                    b.pkiDir = dir.resolve("pki");
                }),
                (r, u, q, a) -> {},
                o -> {});
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The shipped tags of the given sources, optionally polled faster and without deadband. */
    ConnectConfig tags(Optional<Duration> pollRate, String... sources) throws Exception {
        ConnectConfig all = DemoRuntime.tagsFor(factory);
        List<SourceConfig> s = all.sources().stream()
                .filter(x -> List.of(sources).contains(x.id()))
                .toList();
        List<TagConfig> t = new ArrayList<>();
        for (SourceConfig src : s) {
            for (TagConfig tag : all.tagsOf(src.id())) {
                t.add(
                        pollRate.isEmpty()
                                ? tag
                                : new TagConfig(
                                        tag.path(),
                                        tag.source(),
                                        tag.address(),
                                        tag.address() instanceof io.isthmus.connect.config.ModbusAddress.RegisterPoint r
                                                        && !r.scaling().isIdentity()
                                                ? io.isthmus.connect.config.Scaling.IDENTITY
                                                : tag.scaling(),
                                        tag.unit(),
                                        Deadband.NONE,
                                        pollRate));
            }
        }
        return new ConnectConfig(s, t);
    }

    /** The tag paths of every point of the line, as the shipped tag configuration names them. */
    static List<TagPath> linePaths(Plant plant) throws Exception {
        return DemoRuntime.tagsFor(plant.factory).tags().stream()
                .map(TagConfig::path)
                .toList();
    }

    Hub hub(int port) throws Exception {
        return Hub.start(HubSettings.of(
                new InetSocketAddress("127.0.0.1", port),
                io.isthmus.store.HistorianConfig.create(dir.resolve("historian")),
                List.of()));
    }

    Edge edge(ConnectConfig tags, int hubPort, java.util.function.Consumer<JournalConfig.Builder> journal)
            throws Exception {
        return edge(tags, hubPort, journal, Optional.empty());
    }

    Edge edge(
            ConnectConfig tags,
            int hubPort,
            java.util.function.Consumer<JournalConfig.Builder> journal,
            Optional<io.isthmus.connect.config.HostPort> status)
            throws Exception {
        EdgeSettings settings = new EdgeSettings(
                SITE,
                JournalConfig.create(dir.resolve("journal"), journal),
                new ForwardSettings(
                        URI.create("http://127.0.0.1:" + hubPort + "/"),
                        ForwardSettings.DEFAULT_BUDGET,
                        Duration.ofSeconds(5),
                        new io.isthmus.connect.config.BackoffConfig(
                                Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.1)),
                status);
        return Edge.start(new EdgeConfig(settings, tags), journaled::add);
    }

    static void await(String what, Duration timeout, BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    static Optional<Quality> quality(Hub hub, TagPath tag) {
        return hub.latest().get(tag).map(Sample::quality);
    }

    /** A sample as the historian keeps it: time cut to microseconds. */
    record Stored(Instant time, String value, Quality quality) {
        static Stored of(Sample s) {
            return new Stored(
                    s.sourceTime().truncatedTo(ChronoUnit.MICROS), s.value().toString(), s.quality());
        }
    }

    /**
     * Waits until the hub acknowledged everything journaled so far, then checks, tag by tag, that
     * the historian holds exactly the samples the journal acknowledged, each once, in order.
     *
     * @return the number of samples compared
     */
    long assertHistorianHoldsExactlyWhatWasJournaled(Hub hub) throws InterruptedException {
        long through = journaled.stream().mapToLong(Journaled::sequence).max().orElseThrow();
        Historian h = hub.historian();
        await(
                "the hub acknowledges record " + through,
                Duration.ofSeconds(60),
                () -> h.journalProgress(JournalId.of(SITE)).contiguousThrough() >= through);
        Map<TagPath, List<Stored>> expected = journaled.stream()
                .filter(j -> j.sequence() <= through)
                .sorted(java.util.Comparator.comparingLong(Journaled::sequence))
                .flatMap(j -> j.samples().stream())
                .collect(Collectors.groupingBy(
                        Sample::path,
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(Stored::of, Collectors.toList())));
        long compared = 0;
        for (var e : expected.entrySet()) {
            List<Stored> want = e.getValue();
            Instant from = want.getFirst().time();
            Instant to = want.getLast().time().plusNanos(1000);
            List<Stored> got = h.range(e.getKey(), from, to, 1_000_000).samples().stream()
                    .map(Stored::of)
                    .toList();
            assertThat(got).as("samples of %s in the historian", e.getKey()).containsExactlyElementsOf(want);
            compared += want.size();
        }
        return compared;
    }
}
