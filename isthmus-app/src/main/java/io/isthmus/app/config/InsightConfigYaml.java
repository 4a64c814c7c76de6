package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.insight.InsightSettings;
import io.isthmus.insight.energy.EmissionFactorTable;
import io.isthmus.insight.energy.EnergyConfig;
import io.isthmus.insight.energy.EnergyMeter;
import io.isthmus.insight.oee.FaultCatalog;
import io.isthmus.insight.oee.LineSpec;
import io.isthmus.insight.oee.OeeConfig;
import io.isthmus.insight.oee.OeePoints;
import io.isthmus.insight.oee.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code insight.yaml} (config/insight.yaml, docs/insight.md): the shift calendar, the line
 * and its machines, energy meters and emission factors. Errors read {@code file:line:column: what is
 * wrong}.
 */
public final class InsightConfigYaml {
    /** The copy of config/insight.yaml inside the app, used by the hub and the demo when none is given. */
    public static final String BUILT_IN = "/insight/insight.yaml";

    private InsightConfigYaml() {}

    public static InsightSettings load(Path file) throws TagConfigException {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TagConfigException("cannot read insight configuration " + file + ": " + e);
        }
    }

    /** The built-in configuration for the virtual factory's line. */
    public static InsightSettings builtIn() {
        try (InputStream in = InsightConfigYaml.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the app jar lacks " + BUILT_IN);
            }
            return parse("built-in insight.yaml", in.readAllBytes());
        } catch (IOException | TagConfigException e) {
            throw new IllegalStateException("the built-in insight configuration does not load: " + e.getMessage(), e);
        }
    }

    public static InsightSettings parse(String source, byte[] yaml) throws TagConfigException {
        InsightYaml.FileYaml f;
        try {
            f = TagConfigYaml.yaml().readValue(yaml, InsightYaml.FileYaml.class);
        } catch (JsonProcessingException e) {
            throw TagConfigYaml.error(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
        if (f == null) {
            throw new TagConfigException(source + ": empty; expected calendar, line, energy, emission-factors");
        }
        try {
            LineSpec line = new LineSpec(
                    f.line.id,
                    f.line.output,
                    f.line.machines.stream().map(m -> m.spec).toList());
            FaultCatalog faults = f.faults == null
                    ? FaultCatalog.DEFAULT
                    : FaultCatalog.of(f.faults.stream().map(x -> x.value).toList());
            OeeConfig oee = new OeeConfig(
                    f.calendar.calendar, line, faults, OeePoints.DEFAULT, f.line.maxHold, f.line.counterMax);
            List<EnergyMeter> meters = new ArrayList<>();
            f.line.energyMeter.ifPresent(t -> meters.add(new EnergyMeter(Scope.LINE, line.id(), t)));
            for (InsightYaml.MachineYaml m : f.line.machines) {
                meters.add(new EnergyMeter(Scope.MACHINE, m.spec.id(), m.energyMeter));
            }
            EnergyConfig energy = new EnergyConfig(
                    f.calendar.calendar,
                    meters,
                    f.energy.counterMax,
                    f.energy.maxGap,
                    new EmissionFactorTable(f.factors.stream().map(x -> x.value).toList()));
            return new InsightSettings(oee, energy);
        } catch (IllegalArgumentException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
    }
}
