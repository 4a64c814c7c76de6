package io.isthmus.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.app.config.OverridesYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two files analyze reads besides the capture, fed any bytes: each is read or refused with an
 * {@link IllegalArgumentException} that names the file, never another exception.
 */
class InventoryFilesFuzzTest {

    @FuzzTest
    void anyInventoryFileIsReadOrRefusedByName(FuzzedDataProvider data) throws IOException {
        Path f = Files.createTempFile("inventory", ".json");
        try {
            Files.write(f, data.consumeRemainingAsBytes());
            try {
                assertThat(InventoryJson.readAssets(f)).isNotNull();
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith(f.toString());
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @FuzzTest
    void anyOverridesFileIsReadOrRefusedByName(byte[] yaml) {
        try {
            assertThat(OverridesYaml.parse("levels.yaml", yaml).overrides()).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("levels.yaml");
        }
    }
}
