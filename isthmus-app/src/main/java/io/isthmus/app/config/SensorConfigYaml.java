package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.guard.BaselineFiles;
import io.isthmus.app.sensor.SensorSettings;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.detect.DetectionLimits;
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
 * </pre>
 *
 * The policy, baseline and overrides are loaded here, so every mistake is reported before the hub
 * starts, as {@code file:line:column: what is wrong} (of this file, or of the file it names).
 * Relative paths are resolved against the configuration's directory.
 */
public final class SensorConfigYaml {
    private static final List<String> FIELDS =
            List.of("capture", "policy", "learn", "baseline", "inventory", "levels", "flow-idle-timeout", "refresh");

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
        if (f.containsKey("policy")) {
            try {
                policy = Optional.of(PolicyYaml.load(path(baseDir, f.get("policy"))));
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
                            : SensorSettings.DEFAULT_REFRESH);
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, sectionAt, e.getMessage());
        }
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
