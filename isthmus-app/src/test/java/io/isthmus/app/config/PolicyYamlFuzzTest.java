package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.app.guard.BaselineFiles;
import io.isthmus.observe.detect.DetectionLimits;
import io.isthmus.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes as a policy file or a baseline file: either a usable value or the one checked
 * exception whose message names the file, never another exception. Seeds:
 * {@code PolicyYamlFuzzTestInputs/<method>/}.
 */
class PolicyYamlFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreAPolicyOrAProblemWithAPlace(byte[] yaml) {
        try {
            Policy p = PolicyYaml.parse("fuzz.yaml", yaml);
            assertThat(Policy.problems(p.zones(), p.conduits())).isEmpty();
        } catch (PolicyYaml.PolicyFileException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("fuzz.yaml"));
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreABaselineOrAProblemNamingTheFile(byte[] json) throws IOException {
        Path file = Files.createTempFile("baseline", ".json");
        try {
            Files.write(file, json);
            BaselineFiles.load(file, DetectionLimits.DEFAULT);
        } catch (IOException e) {
            assertThat(e.getMessage()).contains(file.toString());
        } finally {
            Files.delete(file);
        }
    }
}
