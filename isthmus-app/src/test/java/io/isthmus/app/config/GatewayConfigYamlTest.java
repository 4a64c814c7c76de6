package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.gateway.GatewaySettings;
import io.isthmus.app.gateway.HubGatewayFiles;
import io.isthmus.app.hub.HubSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hub's {@code gateway:} section: bound with its files loaded, or refused with file:line:column. */
class GatewayConfigYamlTest {
    private static final String HUB = "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n";

    @TempDir
    Path dir;

    String section;

    @BeforeEach
    void files() throws Exception {
        section = HubGatewayFiles.write(dir, "127.0.0.10:5020");
    }

    private Optional<GatewaySettings> parse(String yaml) throws TagConfigException {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        HubSettings hub = HubConfigYaml.parse("hub.yaml", bytes, dir);
        return GatewayConfigYaml.parse("hub.yaml", bytes, dir, hub);
    }

    @Test
    void aHubWithoutAGatewaySectionRunsNoGateway() throws Exception {
        assertThat(parse(HUB)).isEmpty();
    }

    @Test
    void theSectionIsBoundWithItsFilesLoadedAndPathsAgainstTheFilesDirectory() throws Exception {
        GatewaySettings g = parse(HUB + section).orElseThrow();
        assertThat(g.users()).isEqualTo(dir.resolve("users.json"));
        assertThat(g.audit()).isEqualTo(dir.resolve("audit"));
        assertThat(g.address().getHostAddress()).isEqualTo("127.0.0.50");
        assertThat(g.devices().tags()).hasSize(5);
        assertThat(g.policy().access().protectedZones()).containsExactly("cell");
        assertThat(g.limits().approvalExpiry()).isEqualTo(Duration.ofMinutes(5));
        assertThat(g.tokenKey()).isEmpty();
        assertThat(GatewayConfigYaml.plainHttpWarning(
                        HubConfigYaml.parse("hub.yaml", (HUB + section).getBytes(StandardCharsets.UTF_8), dir)))
                .contains("gateway on loopback without TLS: the channel never leaves this host");
    }

    static List<Arguments> mistakes() {
        return List.of(
                Arguments.of("not a mapping", "gateway: yes\n", "hub.yaml:4:1: gateway: expected a mapping"),
                Arguments.of(
                        "unknown field",
                        "gateway:\n  users: users.json\n  listen: 1\n",
                        "hub.yaml:6:3: gateway: unknown field 'listen'"),
                Arguments.of(
                        "missing field",
                        "gateway:\n  users: users.json\n",
                        "hub.yaml:4:1: gateway: missing field 'policy'"),
                Arguments.of(
                        "twice",
                        "gateway:\n  users: users.json\n  users: users.json\n",
                        "hub.yaml:6:3: gateway.users is given twice"),
                Arguments.of("no users file", full("users: nobody.json"), "hub.yaml:5:3: gateway.users: "),
                Arguments.of("no policy file", full("policy: none.yaml"), "hub.yaml:6:3: gateway.policy: "),
                Arguments.of("address not an IP", full("address: gateway.local"), "hub.yaml:7:3: gateway.address: "),
                Arguments.of(
                        "address in no zone",
                        full("address: 192.0.2.7"),
                        "hub.yaml:7:3: gateway: the gateway's address 192.0.2.7 is in no zone"),
                Arguments.of("no devices file", full("devices: none.yaml"), "hub.yaml:8:3: gateway.devices: "),
                Arguments.of(
                        "expiry too long",
                        full("approval-expiry: 2d"),
                        "hub.yaml:10:3: gateway: approvalExpiry must be in (0, 1 day]"),
                Arguments.of("bad size", full("audit-max-size: lots"), "hub.yaml:10:3: gateway.audit-max-size: "),
                Arguments.of(
                        "client CA without the hub's TLS",
                        full("client-ca: users.json"),
                        "hub.yaml:10:3: gateway.client-ca: client certificates need TLS on the hub's listener"));
    }

    /** The full section with one field replaced or added. */
    private static String full(String change) {
        String base = """
                gateway:
                  users: users.json
                  policy: policy.yaml
                  address: 127.0.0.50
                  devices: devices.yaml
                  audit: audit
                """;
        String key = change.substring(0, change.indexOf(':'));
        return base.contains("  " + key + ":")
                ? base.replaceFirst("  " + key + ": [^\\n]*", "  " + change)
                : base + "  " + change + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesNameTheFileLineAndColumn(String name, String yaml, String expected) {
        assertThatThrownBy(() -> parse(HUB + yaml))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void aClientCaOfItsOwnNeedsTheHubsTlsAndACertificateFile() throws Exception {
        // binding only checks that the hub's key store is readable; the hub opens it at start
        Path pki = Files.createDirectories(dir.resolve("pki"));
        Files.writeString(pki.resolve("server.p12"), "a key store");
        Files.writeString(pki.resolve("pw"), "changeit");
        String tls = "  ingest: { tls: { keystore: pki/server.p12, password-file: pki/pw } }\n";
        Files.writeString(dir.resolve("empty.pem"), "no certificate here\n");
        assertThatThrownBy(() -> parse(HUB + tls + section + "  client-ca: empty.pem\n"))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith("hub.yaml:12:3: gateway.client-ca '" + dir.resolve("empty.pem"));
        assertThatThrownBy(() -> parse(HUB + tls + section + "  client-ca: none.pem\n"))
                .hasMessageContaining("cannot be read");
        GatewaySettings plain = parse(HUB + tls + section).orElseThrow();
        assertThat(plain.clientCa()).isEmpty();
    }

    private static final String C = "acme/springfield/packaging/line1/transport/conveyor/";

    /** A recipe file of one recipe named {@code r} with the given item lines. */
    private static String recipe(String... items) {
        return "recipes:\n  - name: r\n    items:\n" + String.join("", items);
    }

    private static String item(String tag, String value) {
        return "      - { tag: " + C + tag + ", value: " + value + " }\n";
    }

    @Test
    void namedRecipesAreBoundFromTheirFileInOrder() throws Exception {
        Files.writeString(
                dir.resolve("recipes.yaml"),
                "recipes:\n  - name: line-speed\n    description: fast\n    items:\n"
                        + item("speedSetpoint", "150")
                        + item("temperatureLimit", "42.5")
                        + "  - name: slow\n    items:\n"
                        + item("speedSetpoint", "20"));
        GatewaySettings g = parse(HUB + section + "  recipes: recipes.yaml\n").orElseThrow();
        assertThat(g.recipes()).extracting(r -> r.name()).containsExactly("line-speed", "slow");
        assertThat(g.recipes().getFirst().description()).isEqualTo("fast");
        assertThat(g.recipes().getFirst().items().get(1).value()).isEqualTo(42.5);
        assertThat(parse(HUB + section).orElseThrow().recipes()).isEmpty();
    }

    static List<Arguments> recipeMistakes() {
        StringBuilder many = new StringBuilder("recipes:\n  - name: r\n    items:\n");
        for (int i = 0; i < 25; i++) {
            many.append(item("speedSetpoint" + i, "1"));
        }
        return List.of(
                Arguments.of("not a list", "recipes: r\n", "recipes.yaml:1:10: expected 'recipes:'"),
                Arguments.of("other section", "tags: []\n", "recipes.yaml:1:1: expected 'recipes:'"),
                Arguments.of(
                        "unknown tag",
                        recipe(item("speedSetpoint", "1"), item("noSuchTag", "2")),
                        "recipes.yaml:2:5: recipes[0] r: no device tag " + C + "noSuchTag"),
                Arguments.of(
                        "tag twice",
                        recipe(item("speedSetpoint", "1"), item("speedSetpoint", "2")),
                        "recipes.yaml:2:5: recipes[0] r: tag " + C + "speedSetpoint appears twice"),
                Arguments.of(
                        "name twice",
                        recipe(item("speedSetpoint", "1")) + "  - name: r\n    items:\n" + item("speedSetpoint", "2"),
                        "recipes.yaml:5:5: recipes[1]: the name r is given twice"),
                Arguments.of("25 items", many.toString(), "recipes.yaml:2:5: recipes[0] r: a recipe has 1..24 items"),
                Arguments.of(
                        "coil",
                        recipe(item("runCommand", "1")),
                        "recipes.yaml:2:5: recipes[0] r: " + C + "runCommand is not a holding register"),
                Arguments.of(
                        "out of range", recipe(item("speedSetpoint", "70000")), "recipes.yaml:2:5: recipes[0] r: "),
                Arguments.of(
                        "text value",
                        recipe(item("speedSetpoint", "fast")),
                        "recipes.yaml:2:5: recipes[0] r: item 1 needs a tag and a numeric value"),
                Arguments.of(
                        "bad name",
                        "recipes:\n  - name: two words\n    items:\n" + item("speedSetpoint", "1"),
                        "recipes.yaml:2:5: recipes[0] two words: a recipe's name is 1..64"),
                Arguments.of(
                        "unknown field",
                        "recipes:\n  - name: r\n    owner: me\n    items:\n" + item("speedSetpoint", "1"),
                        "recipes.yaml:2:5: recipes[0]: unknown field 'owner'"),
                Arguments.of("no items", "recipes:\n  - name: r\n", "recipes.yaml:2:5: recipes[0] r: missing items"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipeMistakes")
    void namedRecipeMistakesNameTheRecipeFileLineAndColumn(String name, String recipes, String expected)
            throws Exception {
        Files.writeString(dir.resolve("recipes.yaml"), recipes);
        assertThatThrownBy(() -> parse(HUB + section + "  recipes: recipes.yaml\n"))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith(
                        dir.resolve("recipes.yaml") + ":" + expected.substring("recipes.yaml:".length()));
    }

    @Test
    void aMissingRecipeFileIsNamedAtItsField() {
        assertThatThrownBy(() -> parse(HUB + section + "  recipes: none.yaml\n"))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith("hub.yaml:11:3: gateway.recipes: cannot read");
    }

    @Test
    void aGatewayOnANonLoopbackListenWithoutTlsIsRefusedAtTheSectionsLine() {
        String hub = "hub:\n  listen: 0.0.0.0:8443\n  historian: { dir: d }\n";
        assertThatThrownBy(() -> parse(hub + section))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith("hub.yaml:4:1: gateway: the hub listens on 0.0.0.0 without TLS")
                .hasMessageContaining("hub.ingest.tls");
    }
}
