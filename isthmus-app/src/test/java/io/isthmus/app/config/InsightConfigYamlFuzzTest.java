package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.insight.InsightSettings;

/**
 * Any bytes as {@code insight.yaml}: either settings or the one checked exception whose message
 * starts with the file's name, never another exception. Seeds:
 * {@code InsightConfigYamlFuzzTestInputs/<method>/}.
 */
class InsightConfigYamlFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreSettingsOrAProblemNamingTheFile(byte[] yaml) {
        try {
            InsightSettings s = InsightConfigYaml.parse("fuzz.yaml", yaml);
            assertThat(s.oee().line().machines()).isNotEmpty();
        } catch (TagConfigException e) {
            assertThat(e.getMessage()).startsWith("fuzz.yaml");
        }
    }
}
