package io.isthmus.app.insight;

import io.isthmus.insight.shift.TimeSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes the report files of {@code isthmus report energy|oee}. */
public final class InsightReports {
    private InsightReports() {}

    /** What the reader should know about the data: missing tags, gaps, resets, rollovers, dropped readings. */
    public static List<String> notes(InsightBatch.Outcome o) {
        List<String> n = new ArrayList<>();
        if (!o.missingTags().isEmpty()) {
            n.add("the historian lacks " + o.missingTags().size() + " configured tag(s), e.g. "
                    + o.missingTags().getFirst() + "; their figures are missing or no data");
        }
        if (!o.energyTracker().gaps().isEmpty()) {
            n.add(o.energyTracker().gaps().size() + " meter gap(s) longer than the configured max-gap (listed below)");
        }
        if (o.energyTracker().resets() > 0 || o.oeeTracker().counterResets() > 0) {
            n.add("counter resets handled: " + o.energyTracker().resets() + " energy, "
                    + o.oeeTracker().counterResets() + " piece");
        }
        if (o.energyTracker().rollovers() > 0 || o.oeeTracker().counterRollovers() > 0) {
            n.add("counter rollovers handled: " + o.energyTracker().rollovers() + " energy, "
                    + o.oeeTracker().counterRollovers() + " piece");
        }
        long refused = o.energyTracker().refusedReadings() + o.oeeTracker().refusedReadings();
        if (refused > 0) {
            n.add(refused + " counter reading(s) skipped (bad quality or not a number)");
        }
        return n;
    }

    public static List<Path> writeEnergy(Path dir, InsightBatch.Outcome o, TimeSpan window, Instant now)
            throws IOException {
        Path csv = write(dir.resolve("energy.csv"), EnergyReport.csv(o.energy()));
        Path gaps = write(
                dir.resolve("energy-gaps.csv"),
                EnergyReport.gapsCsv(o.energyTracker().gaps()));
        Path html = write(
                dir.resolve("index.html"),
                EnergyReport.html(o.energy(), o.energyTracker().gaps(), window, notes(o), now));
        return List.of(csv, gaps, html);
    }

    public static List<Path> writeOee(Path dir, InsightBatch.Outcome o, TimeSpan window, Instant now)
            throws IOException {
        Path csv = write(dir.resolve("oee.csv"), OeeReport.csv(o.oee()));
        Path losses = write(dir.resolve("oee-losses.csv"), OeeReport.lossesCsv(o.oee()));
        Path html = write(dir.resolve("index.html"), OeeReport.html(o.oee(), window, notes(o), now));
        return List.of(csv, losses, html);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
