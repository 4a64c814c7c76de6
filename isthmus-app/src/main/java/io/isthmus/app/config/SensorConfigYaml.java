package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.guard.BaselineFiles;
import io.isthmus.app.sensor.SensorSettings;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.detect.DetectionLimits;
import io.isthmus.observe.detect.LatencyTolerances;
import io.isthmus.observe.detect.PollingDriftLimits;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the optional {@code sensor:} section of a hub's configuration (docs/api.md, docs/guard.md):
 *
 * <pre>
 * sensor:
 *   capture: /run/isthmus/span.pcap   # a pcap/pcapng file or FIFO, or - for standard input
 *   policy: zones.yaml                # optional
 *   learn: 10m                        # or baseline: baseline.json; or neither
 *   inventory: inventory.json         # optional: persisted, reloaded on start
 *   levels: levels.yaml               # optional overrides
 *   flow-idle-timeout: 60s            # optional
 *   refresh: 5s                       # optional
 *   polling-drift-relative-tolerance: 0.5   # optional, over the policy file's detection: section
 * </pre>
 *
 * The policy, baseline and overrides are loaded here, so every mistake is reported before the hub
 * starts, as {@code file:line:column: what is wrong} (of this file, or of the file it names).
 * Relative paths are resolved against the configuration's directory.
 */
public final class SensorConfigYaml {
    private static final String DRIFT = "polling-drift-";
    private static final List<String> FIELDS = fields();

    private static List<String> fields() {
        List<String> f = new java.util.ArrayList<>(List.of(
                "capture", "policy", "learn", "baseline", "inventory", "levels", "flow-idle-timeout", "refresh"));
        PollingDriftYaml.FIELDS.forEach(d -> f.add(DRIFT + d));
        return List.copyOf(f);
    }

    private SensorConfigYaml() {}

    /** Empty when the file has no {@code sensor:} section. */
    public static Optional<SensorSettings> load(Path file) throws TagConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TagConfigException("cannot read hub configuration " + file + ": " + e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), bytes, base == null ? Path.of("") : base);
    }

    public static Optional<SensorSettings> parse(String source, byte[] yaml, Path baseDir) throws TagConfigException {
        Optional<ScalarSection.Found> found = ScalarSection.find(source, yaml, "sensor", FIELDS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(settings(source, found.get().fields(), found.get().at(), baseDir));
    }

    private static SensorSettings settings(
            String source, Map<String, ScalarSection.Value> f, JsonLocation sectionAt, Path baseDir)
            throws TagConfigException {
        ScalarSection.Value capture = f.get("capture");
        if (capture == null) {
            throw TagConfigYaml.error(
                    source, sectionAt, "sensor: missing field 'capture' (a pcap file, a FIFO, or - for stdin)");
        }
        if (f.containsKey("learn") && f.containsKey("baseline")) {
            throw TagConfigYaml.error(
                    source, f.get("baseline").at(), "sensor: learn and baseline exclude each other; give one");
        }
        Optional<Policy> policy = Optional.empty();
        PollingDriftLimits pollingDrift = PollingDriftLimits.DEFAULT;
        LatencyTolerances latencyTolerances = LatencyTolerances.NONE;
        if (f.containsKey("policy")) {
            try {
                PolicyYaml.PolicyFile file = PolicyYaml.loadFile(path(baseDir, f.get("policy")));
                policy = Optional.of(file.policy());
                pollingDrift = file.pollingDrift();
                latencyTolerances = file.latencyTolerances();
            } catch (PolicyYaml.PolicyFileException e) {
                throw new TagConfigException(
                        YamlProblems.at(source, f.get("policy").at(), "sensor.policy: ")
                                + String.join("; ", e.problems()));
            }
        }
        BaselineSource baseline = new BaselineSource.None();
        if (f.containsKey("learn")) {
            baseline = new BaselineSource.Learn(duration(source, f.get("learn"), "learn"));
        } else if (f.containsKey("baseline")) {
            try {
                baseline = new BaselineSource.Loaded(
                        BaselineFiles.load(path(baseDir, f.get("baseline")), DetectionLimits.DEFAULT));
            } catch (IOException e) {
                throw TagConfigYaml.error(source, f.get("baseline").at(), "sensor.baseline: " + e.getMessage());
            }
        }
        InventoryOverrides overrides = InventoryOverrides.NONE;
        if (f.containsKey("levels")) {
            try {
                overrides = OverridesYaml.load(path(baseDir, f.get("levels")));
            } catch (IllegalArgumentException e) {
                throw TagConfigYaml.error(source, f.get("levels").at(), "sensor.levels: " + e.getMessage());
            }
        }
        pollingDrift = overrideDrift(source, f, pollingDrift);
        String input = capture.text().equals("-") ? "-" : path(baseDir, capture).toString();
        try {
            return new SensorSettings(
                    input,
                    policy,
                    baseline,
                    Optional.ofNullable(f.get("inventory")).map(v -> path(baseDir, v)),
                    overrides,
                    f.containsKey("flow-idle-timeout")
                            ? duration(source, f.get("flow-idle-timeout"), "flow-idle-timeout")
                            : SensorSettings.DEFAULT_FLOW_IDLE_TIMEOUT,
                    f.containsKey("refresh")
                            ? duration(source, f.get("refresh"), "refresh")
                            : SensorSettings.DEFAULT_REFRESH,
                    pollingDrift,
                    latencyTolerances);
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, sectionAt, e.getMessage());
        }
    }

    /**
     * The section's {@code polling-drift-*} fields over the policy file's tolerances: a field given
     * here wins, the others keep the policy file's values.
     */
    private static PollingDriftLimits overrideDrift(
            String source, Map<String, ScalarSection.Value> f, PollingDriftLimits fromPolicy)
            throws TagConfigException {
        Map<String, ScalarSection.Value> drift = new java.util.LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith(DRIFT)) {
                drift.put(k, v);
            }
        });
        if (drift.isEmpty()) {
            return fromPolicy;
        }
        JsonLocation none = JsonLocation.NA;
        putIfAbsent(drift, "relative-tolerance", Double.toString(fromPolicy.relativeTolerance()), none);
        putIfAbsent(drift, "absolute-tolerance", fromPolicy.absoluteTolerance().toMillis() + "ms", none);
        putIfAbsent(drift, "spread-factor", Double.toString(fromPolicy.spreadFactor()), none);
        putIfAbsent(drift, "window", Integer.toString(fromPolicy.window()), none);
        putIfAbsent(drift, "min-intervals", Integer.toString(fromPolicy.minIntervals()), none);
        putIfAbsent(drift, "max-irregularity", Double.toString(fromPolicy.maxIrregularity()), none);
        putIfAbsent(drift, "stop-periods", Integer.toString(fromPolicy.stopPeriods()), none);
        return PollingDriftYaml.bind(source, drift, DRIFT, "sensor");
    }

    private static void putIfAbsent(Map<String, ScalarSection.Value> m, String field, String text, JsonLocation at) {
        m.putIfAbsent(DRIFT + field, new ScalarSection.Value(text, at));
    }

    private static Path path(Path baseDir, ScalarSection.Value v) {
        return baseDir.resolve(v.text()).normalize();
    }

    private static Duration duration(String source, ScalarSection.Value v, String name) throws TagConfigException {
        try {
            Duration d = DurationText.parse(v.text());
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("must be positive, was " + v.text());
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, v.at(), "sensor." + name + ": " + e.getMessage());
        }
    }
}
