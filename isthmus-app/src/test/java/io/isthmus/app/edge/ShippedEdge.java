package io.isthmus.app.edge;

import io.isthmus.app.config.EdgeConfigYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A shipped edge configuration ({@code config/*.yaml}) as a test runs it: the same file, with the
 * endpoints, the hub URL and the journal directory pointed at what the test started.
 */
final class ShippedEdge {
    private ShippedEdge() {}

    static EdgeConfig load(String file, Path dir, Map<String, String> replacements) throws Exception {
        String yaml = Files.readString(Path.of("../config", file), StandardCharsets.UTF_8);
        for (var r : replacements.entrySet()) {
            if (!yaml.contains(r.getKey())) {
                throw new AssertionError(file + " no longer contains '" + r.getKey() + "'");
            }
            yaml = yaml.replace(r.getKey(), r.getValue());
        }
        yaml = yaml.replaceAll("(?m)^    dir: \\.\\./isthmus-data/\\S+", "    dir: journal");
        return EdgeConfigYaml.parse(file, yaml.getBytes(StandardCharsets.UTF_8), dir);
    }
}
