package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AssetRole;
import io.isthmus.model.MacAddress;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.inventory.AssetOverride;
import io.isthmus.observe.inventory.InventoryOverrides;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverridesYamlTest {

    private static InventoryOverrides parse(String yaml) {
        return OverridesYaml.parse("levels.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void addressesNetworksAndMacsWithLevelZoneNameAndRole() {
        InventoryOverrides o = parse("""
                assets:
                  - address: 10.0.0.5
                    level: 1
                    zone: cell-1
                    name: Conveyor PLC
                  - address: 10.0.1.0/24
                    level: L3.5
                  - mac: 00:1b:1b:aa:bb:cc
                    role: engineering workstation
                """);
        assertThat(o.overrides()).hasSize(3);
        AssetOverride first = o.overrides().get(0);
        assertThat(first.network().orElseThrow().toString()).isEqualTo("10.0.0.5/32");
        assertThat(first.level()).contains(PurdueLevel.LEVEL_1);
        assertThat(first.zone()).contains("cell-1");
        assertThat(first.name()).contains("Conveyor PLC");
        assertThat(o.overrides().get(1).level()).contains(PurdueLevel.LEVEL_3_5);
        assertThat(o.overrides().get(2).mac()).contains(MacAddress.parse("00:1b:1b:aa:bb:cc"));
        assertThat(o.overrides().get(2).role()).contains(AssetRole.ENGINEERING_WORKSTATION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a mapping                        | '- a'                                                     | levels.yaml:1:1: expected a mapping with 'assets'
            unknown top-level field              | 'zones: []'                                               | unknown field 'zones'
            assets not a list                    | 'assets: 3'                                               | 'assets' is a list of entries
            unknown entry field                  | 'assets:\n  - address: 10.0.0.1\n    colour: red'         | levels.yaml:2:5: unknown field 'colour'
            bad level                            | 'assets:\n  - address: 10.0.0.1\n    level: 9'            | levels.yaml:2:5: '9' is not a Purdue level
            bad address                          | 'assets:\n  - address: 10.0.0.256\n    level: 1'          | levels.yaml:2:5: invalid IP address '10.0.0.256'
            both address and mac                 | 'assets:\n  - address: 10.0.0.1\n    mac: 00:00:00:00:00:01\n    level: 1' | exactly one of an address/network or a MAC
            neither address nor mac              | 'assets:\n  - level: 1'                                    | exactly one of an address/network or a MAC, got neither
            sets nothing                         | 'assets:\n  - address: 10.0.0.1'                           | sets nothing
            bad zone name                        | 'assets:\n  - address: 10.0.0.1\n    zone: \"cell 1\"'      | zone of asset
            bad role                             | 'assets:\n  - address: 10.0.0.1\n    role: boss'          | 'boss' is not a role
            bad mac                              | 'assets:\n  - mac: 00:00:00:00:00\n    level: 1'           | invalid MAC address
            """)
    void mistakesNameFileLineAndWhatIsWrong(String what, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .as(what)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith("levels.yaml");
    }
}
