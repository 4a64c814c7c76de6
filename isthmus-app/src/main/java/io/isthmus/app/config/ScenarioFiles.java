package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isthmus.sim.scenario.Scenario;
import io.isthmus.sim.scenario.ScenarioStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads scenarios: a built-in one by name ({@code attack-demo}) or a YAML file by path. */
public final class ScenarioFiles {
    public static final List<String> BUILT_IN = List.of("normal-shift", "attack-demo");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScenarioFiles() {}

    /** Resolves {@code nameOrFile}: a built-in name, else a path to a YAML file. */
    public static Scenario load(String nameOrFile) throws ScenarioException {
        if (BUILT_IN.contains(nameOrFile)) {
            String resource = "/io/isthmus/sim/scenarios/" + nameOrFile + ".yaml";
            try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ScenarioException("built-in scenario " + nameOrFile + " is missing from the jar");
                }
                return parse(nameOrFile, in.readAllBytes());
            } catch (IOException e) {
                throw new ScenarioException("cannot read built-in scenario " + nameOrFile + ": " + e.getMessage());
            }
        }
        Path file = Path.of(nameOrFile);
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(
                    "no scenario named '" + nameOrFile + "': not a built-in one " + BUILT_IN + " and no such file");
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Parses scenario YAML; errors read {@code source:line:column: what is wrong}, pointing at the
     * start of the step (or field) that is wrong.
     */
    public static Scenario parse(String source, byte[] yaml) throws ScenarioException {
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(
                        source,
                        p.currentTokenLocation(),
                        "a scenario is a mapping with 'name', 'description' and 'steps'");
            }
            String name = null;
            String description = "";
            List<ScenarioStep> steps = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation at = p.currentTokenLocation();
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = p.getValueAsString();
                    case "description" -> description = p.getValueAsString();
                    case "steps" -> steps = steps(source, p);
                    default ->
                        throw error(source, at, "unknown field '" + field + "'; expected name, description, steps");
                }
            }
            if (name == null || name.isBlank() || steps == null) {
                throw error(source, null, "a scenario needs a 'name' and a list of 'steps'");
            }
            return new Scenario(name, description, steps);
        } catch (JsonProcessingException e) {
            throw error(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    private static List<ScenarioStep> steps(String source, JsonParser p) throws IOException, ScenarioException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(source, p.currentTokenLocation(), "'steps' is a list of steps, each starting with '- at:'");
        }
        List<ScenarioStep> steps = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            try {
                steps.add(YAML.readValue(p, ScenarioStepYaml.class).step);
            } catch (JsonProcessingException e) {
                throw error(source, at, "step " + (steps.size() + 1) + ": " + YamlProblems.reason(e));
            }
        }
        return steps;
    }

    private static ScenarioException error(String source, JsonLocation at, String message) {
        return new ScenarioException(YamlProblems.at(source, at, message));
    }

    /** A scenario that cannot be loaded; the message says where and why. */
    public static final class ScenarioException extends Exception {
        public ScenarioException(String message) {
            super(message);
        }
    }
}
