package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.policy.Decision;
import io.isthmus.policy.Operation;
import io.isthmus.policy.Policy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyYamlTest {
    static final Path EXAMPLE = Path.of("..", "config", "zones.yaml");

    static final String ZONES = """
            zones:
              - name: cell
                level: "1"
                networks: [10.1.1.0/24]
              - name: office
                level: "4"
                networks: [192.168.0.0/16]
              - name: scada
                level: "2"
                networks: [10.1.2.0/24]
            """;

    @Test
    void theShippedExamplePolicyLoadsAndDecidesLikeTheVirtualFactoryNeeds() throws Exception {
        Policy p = PolicyYaml.load(EXAMPLE);
        assertThat(p.zones()).extracting(z -> z.name()).contains("cell", "supervisory", "enterprise");
        var hmi = InetAddress.getByName("127.0.0.20");
        var plc = InetAddress.getByName("127.0.0.1");
        var laptop = InetAddress.getByName("127.0.0.66");
        assertThat(p.decide(Operation.of(hmi, plc, Protocol.MODBUS, AccessKind.WRITE, 6)
                                .withUnit(1)
                                .withRange(0, 1))
                        .allowed())
                .isTrue();
        assertThat(p.decide(Operation.of(laptop, plc, Protocol.MODBUS, AccessKind.WRITE, 5))
                        .reason())
                .isEqualTo(Decision.Reason.IDMZ);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "overlapping networks | - name: inner\\n    level: \"1\"\\n    networks: [10.1.1.128/25] | | p.yaml:11:5:"
                        + " | zone inner: network 10.1.1.128/25 overlaps 10.1.1.0/24 of zone cell",
                "host bits set | - name: bad\\n    level: \"1\"\\n    networks: [10.9.9.1/24] | | p.yaml:11:5:"
                        + " | has host bits set",
                "unknown level | - name: bad\\n    level: \"7\" | | p.yaml:11:5: | '7' is not a Purdue level",
                "unknown zone field | - name: bad\\n    level: \"1\"\\n    color: red | | p.yaml:11:5: | unknown field"
                        + " 'color'",
                "duplicate zone | - name: cell\\n    level: \"1\"\\n    networks: [10.7.0.0/16] | | p.yaml:11:5: | zone"
                        + " cell: the zone name is used twice",
                "conduit to an unknown zone | | - name: c1\\n    from: scada\\n    to: plant\\n    protocols: [modbus]\\n"
                        + "    access: [read] | p.yaml:12:5: | to zone 'plant' is not defined",
                "conduit across the IDMZ | | - name: erp\\n    from: office\\n    to: cell\\n    protocols: [modbus]\\n"
                        + "    access: [read] | p.yaml:12:5: | the IDMZ rule forbids",
                "unknown protocol | | - name: c1\\n    from: scada\\n    to: cell\\n    protocols: [profibus]\\n"
                        + "    access: [read] | p.yaml:12:5: | 'profibus' is not a protocol id",
                "unknown access kind | | - name: c1\\n    from: scada\\n    to: cell\\n    protocols: [modbus]\\n"
                        + "    access: [erase] | p.yaml:12:5: | 'erase' is not an access kind",
                "bad initiator | | - name: c1\\n    from: scada\\n    to: cell\\n    protocols: [modbus]\\n"
                        + "    access: [read]\\n    initiator: anyone | p.yaml:12:5: | initiator 'anyone'",
                "bad address range | | - name: c1\\n    from: scada\\n    to: cell\\n    protocols: [modbus]\\n"
                        + "    access: [read]\\n    addresses: [\"9..1\"] | p.yaml:12:5: | ends before it starts",
                "missing access | | - name: c1\\n    from: scada\\n    to: cell\\n    protocols: [modbus] | p.yaml:12:5:"
                        + " | missing field 'access'",
                "function codes on two protocols | | - name: c1\\n    from: scada\\n    to: cell\\n"
                        + "    protocols: [modbus, s7comm]\\n    access: [read]\\n    functions: [3] | p.yaml:12:5: |"
                        + " function codes for 2 protocols",
            })
    void everyProblemNamesFileLineAndWhatIsWrong(
            String what, String extraZone, String conduit, String where, String message) {
        String yaml = ZONES
                + (extraZone == null ? "" : "  " + extraZone.replace("\\n", "\n") + "\n")
                + "conduits:"
                + (conduit == null ? " []\n" : "\n  " + conduit.replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> PolicyYaml.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .as(what + ":\n" + yaml)
                .isInstanceOf(PolicyYaml.PolicyFileException.class)
                .hasMessageStartingWith(where.strip())
                .hasMessageContaining(message.strip());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | p.yaml",
                "- a list | a policy is a mapping",
                "zones: 3 | 'zones' is a list",
                "rules: [] | unknown field 'rules'",
                "zones: [ | p.yaml",
            })
    void malformedDocumentsAreRefusedWithAPlace(String yaml, String message) {
        assertThatThrownBy(() -> PolicyYaml.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PolicyYaml.PolicyFileException.class)
                .hasMessageStartingWith("p.yaml")
                .hasMessageContaining(message);
    }
}
