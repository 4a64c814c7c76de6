package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.edge.EdgeConfig;
import io.isthmus.connect.source.SourcesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Binds an edge's configuration: the tag configuration ({@code sources}, {@code tags}, see {@link
 * TagConfigYaml}) plus an {@code edge:} section (site id, journal, forward, optional status port).
 * Errors read {@code file:line:column: what is wrong}. A relative journal directory is resolved
 * against the file's directory.
 */
public final class EdgeConfigYaml {
    private EdgeConfigYaml() {}

    public static EdgeConfig load(Path file) throws TagConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TagConfigException("cannot read edge configuration " + file + ": " + e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), bytes, base == null ? Path.of("") : base);
    }

    public static EdgeConfig parse(String source, byte[] yaml, Path baseDir) throws TagConfigException {
        EdgeYaml[] edge = new EdgeYaml[1];
        SourcesConfig sources = TagConfigYaml.parseAll(
                source,
                yaml,
                Map.of("edge", (p, at) -> {
                    edge[0] = section(source, p, at, baseDir);
                }),
                baseDir);
        if (edge[0] == null) {
            throw new TagConfigException(source + ": the 'edge' section is missing; it names the site-id, journal and"
                    + " forward hub (docs/connect.md, section Edge)");
        }
        return new EdgeConfig(edge[0].settings(baseDir), sources);
    }

    private static EdgeYaml section(
            String source, com.fasterxml.jackson.core.JsonParser p, JsonLocation at, Path baseDir)
            throws IOException, TagConfigException {
        try {
            return TagConfigYaml.reader(baseDir).forType(EdgeYaml.class).readValue(p);
        } catch (JsonProcessingException e) {
            // the section's own line: Jackson places errors of a bound section at its end
            throw TagConfigYaml.error(source, at, "edge: " + YamlProblems.reason(e));
        }
    }
}
