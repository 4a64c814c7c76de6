package io.isthmus.connect.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.model.TagPath;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration of OPC UA sources and tags: what parses, and what a bad value is told. */
class OpcUaConfigTest {
    private static final OpcUaEndpointUrl URL = OpcUaEndpointUrl.parse("opc.tcp://127.0.0.1:4840/isthmus");
    private static final TagPath PATH = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "opc.tcp://127.0.0.1:4840/isthmus | 127.0.0.1 | 4840 | /isthmus",
                "opc.tcp://plc-7.plant.example    | plc-7.plant.example | 4840 | ''",
                "opc.tcp://[::1]:48010            | [::1] | 48010 | ''",
                "opc.tcp://host:1/a/b.c           | host | 1 | /a/b.c",
            })
    void endpoint_urls_parse_into_host_port_and_path(String text, String host, int port, String path) {
        assertThat(OpcUaEndpointUrl.parse(text)).isEqualTo(new OpcUaEndpointUrl(host, port, path));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.1:4840           | must start with opc.tcp://",
                "opc.https://127.0.0.1            | must start with opc.tcp://",
                "opc.tcp://                      | is not opc.tcp://host[:port][/path]",
                "opc.tcp://host:port              | is not opc.tcp://host[:port][/path]",
                "opc.tcp://host:0                 | port 0, outside 1..65535",
                "opc.tcp://host:70000             | port 70000, outside 1..65535",
                "opc.tcp://ho st:4840             | is not opc.tcp://host[:port][/path]",
                "opc.tcp://host:4840/a b          | is not opc.tcp://host[:port][/path]",
                "''                               | endpoint URL is empty",
            })
    void bad_endpoint_urls_are_refused_saying_why(String text, String message) {
        assertThatThrownBy(() -> OpcUaEndpointUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "none                            | NONE           | NONE",
                "NONE                            | NONE           | NONE",
                "basic256sha256-sign             | BASIC256SHA256 | SIGN",
                "Basic256Sha256-SignAndEncrypt   | BASIC256SHA256 | SIGN_AND_ENCRYPT",
                "basic256sha256-sign-and-encrypt | BASIC256SHA256 | SIGN_AND_ENCRYPT",
            })
    void security_parses_policy_and_mode(String text, OpcUaSecurity.Policy policy, OpcUaSecurity.Mode mode) {
        OpcUaSecurity security = OpcUaSecurity.parse(text);

        assertThat(security).isEqualTo(new OpcUaSecurity(policy, mode));
        assertThat(OpcUaSecurity.parse(security.toString())).isEqualTo(security);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "basic128rsa15                 | unknown security 'basic128rsa15'",
                "aes256sha256rsapss-sign       | unknown security",
                "basic256sha256                | unknown security",
                "basic256sha256-encrypt        | unknown message security mode 'encrypt'",
                "basic256sha256-none           | cannot go with mode None",
                "''                            | unknown security",
            })
    void unknown_or_mismatched_security_is_refused_naming_the_choices(String text, String message) {
        assertThatThrownBy(() -> OpcUaSecurity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void an_unknown_policy_name_lists_the_supported_ones() {
        assertThatThrownBy(() -> OpcUaSecurity.Policy.parse("Basic256"))
                .hasMessage("unknown security policy 'Basic256'; expected None or Basic256Sha256");
        assertThatThrownBy(() -> new OpcUaSecurity(OpcUaSecurity.Policy.NONE, OpcUaSecurity.Mode.SIGN))
                .hasMessageContaining("None goes with None");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ns=2;s=acme/springfield/packaging/line1/filling/filler/speed",
                "i=2258",
                "ns=3;i=1001",
                "nsu=urn:isthmus:virtual-factory;s=acme/x",
                "ns=1;g=09087e75-8e5e-499b-954f-f2a9603db28a",
                "ns=1;b=M/RbKBsRVkePCePcx24oRA==",
            })
    void node_ids_parse_in_the_string_form_of_part_6(String text) {
        ExpandedNodeId id = OpcUaTagConfig.parseNodeId(text);

        assertThat(id.isNull()).isFalse();
        assertThat(OpcUaTagConfig.parseNodeId(id.toParseableString())).isEqualTo(id);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ns=2",
                "s=",
                "ns=x;s=speed",
                "ns=2;q=speed",
                "speed",
                "ns=2;i=notanumber",
                "ns=2;g=not-a-guid",
                "ns=999999;i=1",
                "i=0",
                "''",
            })
    void bad_node_ids_are_refused_quoting_them_and_the_expected_form(String text) {
        assertThatThrownBy(() -> OpcUaTagConfig.of(PATH, "line1", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.isEmpty() ? "node id is empty" : "node id '" + text + "'")
                .hasMessageContaining("ns=");
    }

    @Test
    void source_defaults_are_anonymous_security_none_with_bounded_timeouts() {
        OpcUaSourceConfig c = OpcUaSourceConfig.create("line1", URL, b -> {});

        assertThat(c.security()).isEqualTo(OpcUaSecurity.NONE);
        assertThat(c.user()).isEmpty();
        assertThat(c.publishingInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.samplingInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.queueSize()).isEqualTo(10);
        assertThat(c.backoff()).isEqualTo(BackoffConfig.DEFAULT);
        assertThat(c.pkiDir()).isEqualTo(OpcUaSourceConfig.DEFAULT_PKI_DIR);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "id                 | source id must be 1..64",
                "publishing         | line1: publishingInterval must be PT0.001S..1d, was PT0S",
                "sampling           | line1: samplingInterval must be 0..1d, was PT-1S",
                "queue              | line1: queueSize must be 1..1000, was 0",
                "connect            | line1: connectTimeout must be PT0.001S..1d, was PT48H",
                "request            | line1: requestTimeout must be PT0.001S..1d, was null",
                "uri                | line1: applicationUri 'not a uri' is not a URI",
                "relative-uri       | line1: applicationUri 'client' is not an absolute URI",
            })
    void bad_source_values_are_refused_naming_source_field_and_value(String field, String message) {
        Consumer<OpcUaSourceConfig.Builder> change = switch (field) {
            case "publishing" -> b -> b.publishingInterval = Duration.ZERO;
            case "sampling" -> b -> b.samplingInterval = Duration.ofSeconds(-1);
            case "queue" -> b -> b.queueSize = 0;
            case "connect" -> b -> b.connectTimeout = Duration.ofDays(2);
            case "request" -> b -> b.requestTimeout = null;
            case "uri" -> b -> b.applicationUri = "not a uri";
            case "relative-uri" -> b -> b.applicationUri = "client";
            default -> b -> {};
        };
        String id = field.equals("id") ? "line 1" : "line1";

        assertThatThrownBy(() -> OpcUaSourceConfig.create(id, URL, change))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void a_password_never_shows_in_the_configurations_text() {
        OpcUaSourceConfig c = OpcUaSourceConfig.create(
                "line1", URL, b -> b.user = java.util.Optional.of(new UserCredentials("operator", "s3cret!")));

        assertThat(c.toString()).contains("operator").doesNotContain("s3cret!");
    }

    @Test
    void a_tag_of_another_source_is_refused_by_the_source() {
        OpcUaSourceConfig c = OpcUaSourceConfig.create("line1", URL, b -> {});
        OpcUaTagConfig t = OpcUaTagConfig.of(PATH, "line2", "ns=2;s=x");

        assertThatThrownBy(() -> OpcUaSource.create(c, java.util.List.of(t), s -> {}, s -> {}))
                .hasMessageContaining("belongs to source line2, not line1");
    }
}
