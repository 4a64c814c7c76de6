package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import java.nio.file.Path;

/**
 * Any bytes as an edge configuration (sources of every kind, tags, the edge section): either a
 * typed configuration or the one checked exception whose message names the file, never another
 * exception and never a hang. Seeds: {@code EdgeYamlFuzzTestInputs/<method>/} (the shipped Modbus,
 * OPC UA and Sparkplug examples, cut down).
 */
class EdgeYamlFuzzTest {
    private static final Path BASE = Path.of("target", "fuzz-edge-yaml");

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreAnEdgeConfigurationOrAProblemWithAPlace(byte[] yaml) {
        try {
            var c = EdgeConfigYaml.parse("fuzz.yaml", yaml, BASE);
            assertThat(c.sources().tagCount()).isNotNegative();
        } catch (TagConfigException e) {
            assertThat(e.getMessage()).startsWith("fuzz.yaml");
        }
    }
}
