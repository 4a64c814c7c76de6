package io.isthmus.app.cli;

import io.isthmus.app.config.GatewayConfigYaml;
import io.isthmus.app.config.HubConfigYaml;
import io.isthmus.app.config.SensorConfigYaml;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.gateway.GatewaySettings;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.app.sensor.SensorRun;
import io.isthmus.app.sensor.SensorSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code isthmus hub --config hub.yaml}: historian, ingest endpoint for edges, REST API and console. */
@Command(
        name = "hub",
        mixinStandardHelpOptions = true,
        description = "Receive edges' journals into the historian and serve the REST API and console.")
public final class HubCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The hub's YAML configuration.")
    Path config;

    @Option(
            names = "--capture",
            paramLabel = "FILE|-",
            description = "Run the network sensor of the configuration's sensor: section on this pcap/pcapng"
                    + " stream instead of its capture: a file, a FIFO, or - for standard input"
                    + " (tcpdump -i eth1 -U -w - | isthmus hub --config hub.yaml --capture -).")
    String capture;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HubSettings settings;
        Optional<SensorSettings> sensor;
        Optional<GatewaySettings> gateway;
        try {
            settings = HubConfigYaml.load(config);
            sensor = SensorConfigYaml.load(config);
            gateway = GatewayConfigYaml.load(config, settings);
        } catch (TagConfigException e) {
            err.println("isthmus: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (capture != null) {
            if (sensor.isEmpty()) {
                err.println("isthmus: --capture needs a sensor: section in " + config
                        + " (at least 'capture', docs/api.md#sensor)");
                err.flush();
                return ExitCodes.USAGE;
            }
            sensor = sensor.map(s -> s.withCapture(capture));
        }
        Hub hub;
        try {
            hub = Hub.start(settings, java.util.Map::of, sensor.map(SensorRun::of), gateway);
        } catch (Exception e) {
            return StartupErrors.report(e, err, "hub.listen in " + config);
        }
        String scheme = settings.ingest().tls().isPresent() ? "https" : "http";
        if (gateway.isPresent()) {
            GatewayConfigYaml.plainHttpWarning(settings).ifPresent(w -> err.println("isthmus: warning: " + w));
            GatewayConfigYaml.sharedCaWarning(settings, gateway).ifPresent(w -> err.println("isthmus: warning: " + w));
            err.flush();
        }
        out.println("Historian: " + settings.historian().dir());
        out.println("Ingest: " + scheme + "://" + settings.listen().getHostString() + ":" + hub.port() + "/api/ingest");
        out.println("Console: " + scheme + "://" + settings.listen().getHostString() + ":" + hub.port() + "/");
        gateway.ifPresent(g -> out.println(
                "Access gateway: " + scheme + "://" + settings.listen().getHostString() + ":" + hub.port()
                        + "/gw/login, audit log " + g.audit() + " (GET /api/audit)"));
        sensor.ifPresent(
                s -> out.println("Sensor: reading " + ("-".equals(s.capture()) ? "standard input" : s.capture())
                        + (s.policy().isPresent() ? ", policy loaded" : "")
                        + "; alerts go to /api/events, assets to /api/assets"));
        out.flush();
        UntilInterrupted.await(hub, out);
        return ExitCodes.OK;
    }
}
