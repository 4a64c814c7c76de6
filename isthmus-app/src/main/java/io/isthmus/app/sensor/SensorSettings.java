package io.isthmus.app.sensor;

import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.detect.LatencyTolerances;
import io.isthmus.observe.detect.PollingDriftLimits;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.policy.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the hub's sensor runs, everything already loaded and checked (a bad policy or baseline
 * fails when the configuration is read, not when the first packet arrives).
 *
 * @param capture where packets come from: a file or FIFO path, or {@code -} for standard input
 * @param policy the zones-and-conduits policy, when one is configured
 * @param baseline learn (a window of capture time from the first packet), a loaded baseline, or none
 * @param inventoryFile the persisted inventory: read when the sensor starts (changes are reported
 *     against it), rewritten on every refresh and when the sensor stops
 * @param overrides level, zone, name and role overrides (docs/inventory.md)
 * @param flowIdleTimeout a flow silent this long (capture time) leaves the flow table; a scan is
 *     judged when its probes leave it, so this bounds how late a scan alert comes
 * @param refresh how often (wall time) inventory changes are computed and the file written
 * @param pollingDrift the polling-drift detector's tolerances: the policy file's {@code detection:}
 *     section, overridden field by field by the section's {@code polling-drift-*} fields
 */
public record SensorSettings(
        String capture,
        Optional<Policy> policy,
        BaselineSource baseline,
        Optional<Path> inventoryFile,
        InventoryOverrides overrides,
        Duration flowIdleTimeout,
        Duration refresh,
        PollingDriftLimits pollingDrift,
        LatencyTolerances latencyTolerances) {
    public static final Duration DEFAULT_FLOW_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);

    public SensorSettings {
        Objects.requireNonNull(capture, "capture");
        if (capture.isBlank()) {
            throw new IllegalArgumentException("sensor capture must be a file, a FIFO or '-', was blank");
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(inventoryFile, "inventoryFile");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(pollingDrift, "pollingDrift");
        Objects.requireNonNull(latencyTolerances, "latencyTolerances");
        if (flowIdleTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || flowIdleTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("sensor flow-idle-timeout must be 1s..1h, was " + flowIdleTimeout);
        }
        if (refresh.compareTo(Duration.ofMillis(100)) < 0 || refresh.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("sensor refresh must be 100ms..1h, was " + refresh);
        }
    }

    /** Settings with the default polling-drift tolerances and no latency tolerances. */
    public SensorSettings(
            String capture,
            Optional<Policy> policy,
            BaselineSource baseline,
            Optional<Path> inventoryFile,
            InventoryOverrides overrides,
            Duration flowIdleTimeout,
            Duration refresh) {
        this(
                capture,
                policy,
                baseline,
                inventoryFile,
                overrides,
                flowIdleTimeout,
                refresh,
                PollingDriftLimits.DEFAULT,
                LatencyTolerances.NONE);
    }

    /** The same settings reading another capture (the hub's {@code --capture} option). */
    public SensorSettings withCapture(String other) {
        return new SensorSettings(
                other,
                policy,
                baseline,
                inventoryFile,
                overrides,
                flowIdleTimeout,
                refresh,
                pollingDrift,
                latencyTolerances);
    }
}
