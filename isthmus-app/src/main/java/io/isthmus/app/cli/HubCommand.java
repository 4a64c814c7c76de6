package io.isthmus.app.cli;

import io.isthmus.app.config.HubConfigYaml;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.HubSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HubSettings settings;
        try {
            settings = HubConfigYaml.load(config);
        } catch (TagConfigException e) {
            err.println("isthmus: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Hub hub;
        try {
            hub = Hub.start(settings);
        } catch (Exception e) {
            return StartupErrors.report(e, err, "hub.listen in " + config);
        }
        out.println("Historian: " + settings.historian().dir());
        out.println("Ingest: http://" + settings.listen().getHostString() + ":" + hub.port() + "/api/ingest");
        out.println("Console: http://" + settings.listen().getHostString() + ":" + hub.port() + "/");
        out.flush();
        UntilInterrupted.await(hub, out);
        return ExitCodes.OK;
    }
}
