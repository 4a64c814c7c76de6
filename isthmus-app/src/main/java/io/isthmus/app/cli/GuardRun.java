package io.isthmus.app.cli;

import io.isthmus.app.config.DurationText;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.guard.AlertJson;
import io.isthmus.app.guard.BaselineFiles;
import io.isthmus.app.guard.CefSyslog;
import io.isthmus.app.guard.SyslogSender;
import io.isthmus.app.guard.SyslogTarget;
import io.isthmus.model.Severity;
import io.isthmus.observe.detect.Alert;
import io.isthmus.observe.detect.Detection;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.detect.DetectionLimits;
import io.isthmus.observe.detect.DetectionStats;
import io.isthmus.observe.detect.LatencyTolerances;
import io.isthmus.observe.detect.PollingDriftLimits;
import io.isthmus.policy.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The detection part of one {@code isthmus analyze} run: built from the options before the capture
 * is read (so a bad policy or baseline fails fast, as a usage error), fed during it, and written
 * out after it (alerts.jsonl, syslog, the saved baseline).
 */
final class GuardRun {
    private final Detection detection;
    private final Path alertsFile;
    private final Optional<SyslogTarget> syslog;
    private final Optional<Path> saveBaseline;
    private final Optional<Policy> policy;
    private long syslogSent;

    private GuardRun(
            Detection detection,
            Path alertsFile,
            Optional<SyslogTarget> syslog,
            Optional<Path> saveBaseline,
            Optional<Policy> policy) {
        this.detection = detection;
        this.alertsFile = alertsFile;
        this.syslog = syslog;
        this.saveBaseline = saveBaseline;
        this.policy = policy;
    }

    /** Options that cannot work together, a policy or baseline that cannot be loaded. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Empty when no detection option was given: analyze then only dissects. */
    static Optional<GuardRun> configure(AnalyzeCommand o, Path defaultAlerts) throws UsageException {
        boolean on = o.policy.isPresent()
                || o.learn.isPresent()
                || o.baseline.isPresent()
                || o.alerts.isPresent()
                || o.syslog.isPresent()
                || o.saveBaseline.isPresent();
        if (!on) {
            return Optional.empty();
        }
        if (o.learn.isPresent() && o.baseline.isPresent()) {
            throw new UsageException("--learn and --baseline exclude each other: learn a new baseline or load one");
        }
        Optional<Policy> policy = Optional.empty();
        PollingDriftLimits pollingDrift = PollingDriftLimits.DEFAULT;
        LatencyTolerances latencyTolerances = LatencyTolerances.NONE;
        if (o.policy.isPresent()) {
            try {
                PolicyYaml.PolicyFile file = PolicyYaml.loadFile(o.policy.get());
                policy = Optional.of(file.policy());
                pollingDrift = file.pollingDrift();
                latencyTolerances = file.latencyTolerances();
            } catch (PolicyYaml.PolicyFileException e) {
                throw new UsageException(String.join("\nisthmus: ", e.problems()));
            }
        }
        DetectionLimits limits = DetectionLimits.DEFAULT;
        BaselineSource source = new BaselineSource.None();
        if (o.learn.isPresent()) {
            try {
                source = new BaselineSource.Learn(DurationText.parse(o.learn.get()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--learn: " + e.getMessage());
            }
        } else if (o.baseline.isPresent()) {
            try {
                source = new BaselineSource.Loaded(BaselineFiles.load(o.baseline.get(), limits));
            } catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Optional<SyslogTarget> syslog = Optional.empty();
        if (o.syslog.isPresent()) {
            try {
                syslog = Optional.of(SyslogTarget.parse(o.syslog.get()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--syslog: " + e.getMessage());
            }
        }
        return Optional.of(new GuardRun(
                new Detection(policy, source, limits, pollingDrift, latencyTolerances, a -> {}),
                o.alerts.orElse(defaultAlerts),
                syslog,
                o.saveBaseline,
                policy));
    }

    Detection detection() {
        return detection;
    }

    Path alertsFile() {
        return alertsFile;
    }

    /** Writes the alerts, sends them to syslog, saves the baseline; an exit code. */
    int finish(PrintWriter err) throws IOException {
        List<Alert> alerts = detection.alerts();
        Path dir = alertsFile.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try (OutputStream os = Files.newOutputStream(alertsFile)) {
            AlertJson.write(os, alerts);
        }
        if (saveBaseline.isPresent()) {
            BaselineFiles.save(saveBaseline.get(), detection.baseline());
        }
        if (syslog.isPresent()) {
            try (SyslogSender sender = new SyslogSender(syslog.get())) {
                String version = Optional.ofNullable(GuardRun.class.getPackage().getImplementationVersion())
                        .orElse("dev");
                String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("-");
                long pid = ProcessHandle.current().pid();
                for (Alert a : alerts) {
                    sender.send(CefSyslog.format(a, host, version, pid));
                }
                syslogSent = sender.sent();
            } catch (IOException e) {
                err.println("isthmus: cannot send alerts to syslog " + syslog.get() + ": " + e.getMessage()
                        + " (alerts are in " + alertsFile + ")");
                err.flush();
                return ExitCodes.FAILED;
            }
        }
        return ExitCodes.OK;
    }

    /**
     * What detection could not keep at its limits, always printed: when a count is not zero the
     * alerts are incomplete (an evicted alert, a talker pair or polling cycle never judged).
     */
    static String dropped(DetectionStats s) {
        return "Detection state dropped at its limits: " + s.alertsEvicted() + " alerts evicted, " + s.hostsEvicted()
                + " scan trackers evicted, " + s.baselineDropped() + " baseline entries and " + s.pollsDropped()
                + " polling cycles not learned" + (s.anyDropped() ? " (results incomplete)" : "");
    }

    void summary(PrintWriter out) {
        List<Alert> alerts = detection.alerts();
        DetectionStats s = detection.stats();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        alerts.forEach(a -> bySeverity.merge(a.event().severity(), 1, Integer::sum));
        out.println();
        out.println("Detection: "
                + (policy.isPresent()
                        ? policy.get().zones().size() + " zones, "
                                + policy.get().conduits().size() + " conduits; "
                        : "no policy; ")
                + s.requests() + " requests inspected, " + s.learned() + " learned into the baseline ("
                + detection.baseline().pairCount() + " pairs, "
                + detection.baseline().writeAddressCount()
                + " written addresses, " + detection.baseline().pollCount() + " polling cycles)");
        out.println("Alerts: " + alerts.size() + " (" + s.findings() + " findings before deduplication) " + bySeverity);
        out.println(dropped(s));
        alerts.stream()
                .limit(20)
                .forEach(a -> out.println("  " + a.event().severity() + " "
                        + a.event().techniques().stream().map(t -> t.id()).toList() + " x" + a.count() + " "
                        + a.event().title()));
        if (alerts.size() > 20) {
            out.println("  ... " + (alerts.size() - 20) + " more");
        }
        out.println("Alerts file: " + alertsFile);
        syslog.ifPresent(t -> out.println("Syslog: " + syslogSent + " messages sent to " + t));
        saveBaseline.ifPresent(p -> out.println("Baseline saved: " + p));
    }
}
