package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.duckdb.DuckDbHistorians;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isthmus report energy|oee} against a real DuckDB historian holding one hand-built day shift
 * (06:00–14:00 UTC, lunch 10:00–10:30) of one machine polled every minute: a bottle jam 08:00–08:30,
 * the good counter rolling over at 2^32, the energy meter reset at 12:00.
 */
class ReportCommandTest {
    static final Instant START = Instant.parse("2026-11-25T06:00:00Z");
    static final String EQUIPMENT = "acme/site/area/line1/cell/m";

    @TempDir
    static Path dir;

    static Path historian;
    static Path config;

    @BeforeAll
    static void fill() throws Exception {
        historian = dir.resolve("historian");
        config = dir.resolve("insight.yaml");
        Files.writeString(config, """
                calendar:
                  zone: UTC
                  working-days: [wednesday]
                  shifts:
                    - { name: day, start: "06:00", end: "14:00", breaks: [{ name: lunch, start: "10:00", length: 30m }] }
                line:
                  id: line1
                  output: m
                  machines:
                    - { id: m, equipment: acme/site/area/line1/cell/m, ideal-rate: 60 }
                emission-factors:
                  - { year: 2026, location-kg-per-kwh: 0.38, market-kg-per-kwh: 0.45, source: "test factors" }
                """);
        List<Sample> samples = new ArrayList<>();
        long good = 4_294_967_296L - 1_000; // wraps after 100 running minutes
        for (int k = 0; k < 480; k++) {
            Instant t = START.plusSeconds(60L * k);
            boolean jammed = k >= 120 && k < 150;
            if (k > 0 && !(k - 1 >= 120 && k - 1 < 150)) {
                good = (good + 10) % 4_294_967_296L; // 10 bottles in each running minute
            }
            double kwh = k < 360 ? 1000 + 0.1 * k : 0.1 * (k - 359); // reset at 12:00
            samples.add(Sample.good(tag("faultCode"), t, Value.of(jammed ? 201 : 0)));
            samples.add(Sample.good(tag("state"), t, Value.of(jammed ? 3 : 1)));
            samples.add(Sample.good(tag("goodCount"), t, Value.of(good)));
            samples.add(Sample.good(tag("rejectCount"), t, Value.of(0)));
            samples.add(Sample.good(tag("energy"), t, Value.of(kwh)));
        }
        try (var h = DuckDbHistorians.open(HistorianConfig.create(historian, b -> {}))) {
            h.append(samples);
        }
    }

    static TagPath tag(String point) {
        return TagPath.parse(EQUIPMENT + "/" + point);
    }

    static CliRun report(String kind, Path out, String from, String to, Path cfg) {
        return CliRun.of(
                "report",
                kind,
                "--historian",
                historian.toString(),
                "--from",
                from,
                "--to",
                to,
                "--config",
                cfg.toString(),
                "--out",
                out.toString());
    }

    @Test
    void energyReportWritesHandCheckedCsvAndASelfContainedPage() throws Exception {
        Path out = dir.resolve("energy");
        CliRun run = report("energy", out, "2026-11-25T06:00:00Z", "2026-11-25T14:00:00Z", config);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("reading 2026-11-25").contains("counter resets handled: 1 energy");
        // 479 one-minute steps of 0.1 kWh (the first reading is the baseline; the reset step counts 0.1)
        // good: 479 − 30 jammed minutes = 449 running minutes × 10 bottles, across the 2^32 rollover
        // CO2e: 47.9 kWh × 0.38 = 18.202 kg (location), × 0.45 = 21.555 kg (market)
        List<String> csv = Files.readAllLines(out.resolve("energy.csv"));
        assertThat(csv.getFirst()).startsWith("scope,id,day,shift,from,to,kwh,good_units");
        assertThat(csv)
                .contains(
                        "machine,m,2026-11-25,day,2026-11-25T06:00:00Z,2026-11-25T14:00:00Z,47.900,4490,0.010668,18.202,21.555,"
                                + "2026,test factors");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<svg").contains("Energy per good unit").contains("test factors");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
    }

    @Test
    void oeeReportGivesAvailabilityAndTheJamAsALoss() throws Exception {
        Path out = dir.resolve("oee");
        CliRun run = report("oee", out, "2026-11-25", "2026-11-26", config);
        assertThat(run.code()).as(run.err()).isZero();
        // PBT 8 h − 30 min = 27,000 s; the jam takes 1,800 s: availability 25,200 / 27,000 = 0.9333
        assertThat(Files.readAllLines(out.resolve("oee.csv")))
                .anySatisfy(
                        l -> assertThat(l)
                                .startsWith(
                                        "machine,m,2026-11-25,day,2026-11-25T06:00:00Z,2026-11-25T14:00:00Z,27000.0,25200.0,4490,4490,0.9333,"));
        assertThat(Files.readAllLines(out.resolve("oee-losses.csv")))
                .contains("machine,m,2026-11-25,day,m,faulted,201,material,bottle jam,1800.0,1");
        assertThat(Files.readString(out.resolve("index.html"))).contains("Line OEE per period");
    }

    @Test
    void anEmptyRangeIsAUsageError() {
        CliRun run = report("energy", dir.resolve("x"), "2026-11-25T14:00:00Z", "2026-11-25T06:00:00Z", config);
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("the range is empty");
    }

    @Test
    void aRangeWithoutSamplesSaysSo() {
        CliRun run = report("energy", dir.resolve("y"), "2026-11-18", "2026-11-19", config);
        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("holds no samples of the configured tags between");
    }

    @Test
    void unknownTagsAreNamed() throws Exception {
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(config).replace("cell/m,", "cell/z,"));
        CliRun run = report("energy", dir.resolve("z"), "2026-11-25", "2026-11-26", other);
        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("holds none of the").contains("acme/site/area/line1/cell/z/state");
    }

    @Test
    void aMissingHistorianAndABadTimeAreUsageErrors() {
        CliRun noHistorian = CliRun.of(
                "report",
                "energy",
                "--historian",
                dir.resolve("nothing").toString(),
                "--from",
                "2026-11-25",
                "--to",
                "2026-11-26",
                "--out",
                dir.resolve("n").toString());
        assertThat(noHistorian.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noHistorian.err()).contains("no historian in");
        CliRun badTime = report("energy", dir.resolve("b"), "yesterday", "2026-11-26", config);
        assertThat(badTime.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTime.err()).contains("--from 'yesterday' is not a time");
    }
}
