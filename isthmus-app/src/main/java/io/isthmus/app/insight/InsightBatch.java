package io.isthmus.app.insight;

import io.isthmus.insight.energy.EnergyMeter;
import io.isthmus.insight.energy.EnergyResult;
import io.isthmus.insight.energy.EnergyTracker;
import io.isthmus.insight.oee.Grouping;
import io.isthmus.insight.oee.MachineSpec;
import io.isthmus.insight.oee.OeePoints;
import io.isthmus.insight.oee.OeeResult;
import io.isthmus.insight.oee.OeeTracker;
import io.isthmus.insight.shift.TimeSpan;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.store.Historian;
import io.isthmus.store.RangeResult;
import io.isthmus.store.TagInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * OEE and energy over a historian range: reads the tags the configuration names an hour at a time
 * (bounded memory: about 100,000 samples for the virtual line), merges them into time order and
 * feeds the trackers.
 */
public final class InsightBatch {
    static final Duration CHUNK = Duration.ofHours(1);
    static final int PAGE = 200_000;

    /** The figures and what the trackers noticed on the way. */
    public record Outcome(
            List<OeeResult> oee,
            List<EnergyResult> energy,
            OeeTracker oeeTracker,
            EnergyTracker energyTracker,
            long samples,
            List<TagPath> missingTags) {}

    /** The historian holds none of the configured tags, or nothing in the range. */
    public static final class NoDataException extends Exception {
        public NoDataException(String message) {
            super(message);
        }
    }

    private InsightBatch() {}

    /** Every tag OEE and energy read, in configuration order. */
    public static List<TagPath> tags(InsightSettings s) {
        Set<TagPath> out = new LinkedHashSet<>();
        OeePoints p = s.oee().points();
        for (MachineSpec m : s.oee().line().machines()) {
            for (String point : List.of(p.state(), p.faultCode(), p.goodCount(), p.rejectCount())) {
                out.add(TagPath.parse(m.equipment() + "/" + point));
            }
        }
        for (EnergyMeter m : s.energy().meters()) {
            out.add(m.tag());
        }
        return List.copyOf(out);
    }

    /**
     * Computes the figures for the shift periods overlapping {@code window}. {@code progress} hears
     * one line per production day read.
     */
    public static Outcome run(
            Historian historian, InsightSettings s, TimeSpan window, Grouping by, Consumer<String> progress)
            throws NoDataException {
        return run(historian, s, window, by, progress, true);
    }

    /** As above; with {@code requireData} false, a range without data gives figures that say "no data". */
    public static Outcome run(
            Historian historian,
            InsightSettings s,
            TimeSpan window,
            Grouping by,
            Consumer<String> progress,
            boolean requireData)
            throws NoDataException {
        List<TagPath> wanted = tags(s);
        Set<TagPath> known = new HashSet<>();
        for (TagInfo t : historian.tags()) {
            known.add(t.path());
        }
        List<TagPath> present = wanted.stream().filter(known::contains).toList();
        List<TagPath> missing = wanted.stream().filter(t -> !known.contains(t)).toList();
        if (present.isEmpty() && requireData) {
            throw new NoDataException("the historian holds none of the " + wanted.size()
                    + " tags the insight configuration names (e.g. " + wanted.getFirst() + ")");
        }
        Duration lookback = s.oee().maxHold().compareTo(s.energy().maxGap()) > 0
                ? s.oee().maxHold()
                : s.energy().maxGap();
        OeeTracker oee = new OeeTracker(s.oee(), window.from());
        EnergyTracker energy = new EnergyTracker(s.energy(), window.from());
        long total = 0;
        long inWindow = 0;
        Instant from = window.from().minus(lookback);
        java.time.LocalDate reported = null;
        for (Instant c = from; c.isBefore(window.to()); c = c.plus(CHUNK)) {
            Instant end = c.plus(CHUNK).isBefore(window.to()) ? c.plus(CHUNK) : window.to();
            List<Sample> chunk = new ArrayList<>();
            for (TagPath t : present) {
                read(historian, t, c, end, chunk);
            }
            chunk.sort(Comparator.comparing(Sample::sourceTime));
            for (Sample x : chunk) {
                oee.accept(x);
                energy.accept(x);
                if (!x.sourceTime().isBefore(window.from())) {
                    inWindow++;
                }
            }
            total += chunk.size();
            java.time.LocalDate day = c.atZone(s.oee().calendar().zone()).toLocalDate();
            if (!day.equals(reported)) {
                reported = day;
                progress.accept("reading " + day + " (" + total + " samples so far)");
            }
        }
        if (inWindow == 0 && requireData) {
            throw new NoDataException("the historian holds no samples of the configured tags between " + window.from()
                    + " and " + window.to());
        }
        List<OeeResult> oeeResults = oee.results(by, window);
        return new Outcome(oeeResults, energy.results(by, window, oeeResults), oee, energy, total, missing);
    }

    private static void read(Historian h, TagPath tag, Instant from, Instant to, List<Sample> out) {
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            RangeResult r = h.range(tag, cursor, to, PAGE);
            out.addAll(r.samples());
            if (!r.truncated() || r.samples().isEmpty()) {
                return;
            }
            cursor = r.samples().getLast().sourceTime().plusNanos(1_000);
        }
    }
}
