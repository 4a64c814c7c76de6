package io.isthmus.observe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.MacAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OuiRegistryTest {

    private static OuiRegistry parse(String text) throws IOException {
        return OuiRegistry.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void theBundledCopyNamesSiemensAndCisco() throws IOException {
        OuiRegistry r = OuiRegistry.bundled();
        assertThat(r.size()).isGreaterThan(30_000);
        assertThat(r.skippedLines()).isZero();
        assertThat(r.vendor(MacAddress.parse("00:0e:8c:d0:f9:cb"))).contains("Siemens AG");
        assertThat(r.vendor(MacAddress.parse("00:19:07:24:3c:ca"))).contains("Cisco Systems, Inc");
    }

    @Test
    void debiansRegistryIsPreferredWhenInstalled() {
        OuiRegistry r = OuiRegistry.load();
        if (Files.isReadable(Path.of(OuiRegistry.DEBIAN_PATH))) {
            assertThat(r.source()).isEqualTo(OuiRegistry.DEBIAN_PATH);
        } else {
            assertThat(r.source()).startsWith("bundled");
        }
        assertThat(r.vendor(MacAddress.parse("08:00:06:93:cf:32"))).contains("SIEMENS AG");
    }

    @Test
    void quotedNamesWithCommasAndDoubledQuotesAreRead() throws IOException {
        OuiRegistry r = parse("Registry,Assignment,Organization Name,Organization Address\n"
                + "MA-L,00001B,\"Novell, Inc.\",x\nMA-L,ABCDEF,\"The \"\"Best\"\" Co\",y\n");
        assertThat(r.vendor(MacAddress.parse("00:00:1b:00:00:01"))).contains("Novell, Inc.");
        assertThat(r.vendor(MacAddress.parse("a8:cd:ef:00:00:01"))).isEmpty();
        assertThat(r.size()).isEqualTo(2);
    }

    @Test
    void groupAndLocallyAdministeredAddressesHaveNoVendor() throws IOException {
        OuiRegistry r = parse("MA-L,010000,Group Inc,x\nMA-L,020000,Local Inc,x\n");
        assertThat(r.vendor(MacAddress.parse("01:00:00:00:00:01"))).isEmpty();
        assertThat(r.vendor(MacAddress.parse("02:00:00:00:00:01"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MA-M,00001B,Some,x",
                "MA-L,00001,Short,x",
                "MA-L,00001G,NotHex,x",
                "MA-L,00001B,,x",
                "MA-L,00001B",
                "",
                "\"unterminated,quote",
                "MA-L,0000١B,arabic digit,x"
            })
    void malformedLinesAreSkippedAndCounted(String line) throws IOException {
        OuiRegistry r = parse(line + "\n");
        assertThat(r.size()).isZero();
        assertThat(r.skippedLines()).isEqualTo(1);
    }

    @Test
    void anOverlongLineIsCutNotHeldWhole() throws IOException {
        OuiRegistry r = parse("MA-L,00001B," + "x".repeat(100_000) + "\n");
        assertThat(r.vendor(MacAddress.parse("00:00:1b:00:00:01")).orElseThrow())
                .hasSize(OuiRegistry.MAX_LINE - 12);
    }
}
