package io.isthmus.sim.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpcUaServerSettingsTest {

    @Test
    void defaults_listen_on_loopback_port_4840_without_security() {
        OpcUaServerSettings settings = OpcUaServerSettings.defaults();

        assertThat(settings.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(4840);
        assertThat(settings.security()).containsExactly(EndpointSecurity.NONE);
        assertThat(settings.endpointUrl()).isEqualTo("opc.tcp://127.0.0.1:4840/isthmus");
        assertThat(settings.pkiDir()).isAbsolute();
    }

    @Test
    void changes_apply_on_top_of_the_defaults() {
        OpcUaServerSettings settings =
                OpcUaServerSettings.create(b -> b.port(4841).path("/line1").pkiDir(Path.of("/tmp/pki")));

        assertThat(settings.endpointUrl()).isEqualTo("opc.tcp://127.0.0.1:4841/line1");
        assertThat(settings.applicationUri()).isEqualTo(OpcUaServerSettings.DEFAULT_APPLICATION_URI);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536})
    void a_port_outside_1_to_65535_is_refused(int port) {
        assertThatThrownBy(() -> OpcUaServerSettings.create(b -> b.port(port)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port " + port);
    }

    @Test
    void the_wildcard_address_needs_a_hostname_for_the_endpoint_url() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");

        assertThatThrownBy(() -> OpcUaServerSettings.create(b -> b.bindAddress(any)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hostname is required");
        assertThat(OpcUaServerSettings.create(b -> b.bindAddress(any).hostname("plc-sim.local"))
                        .endpointUrl())
                .isEqualTo("opc.tcp://plc-sim.local:4840/isthmus");
    }

    @Test
    void an_ipv6_bind_address_is_bracketed_in_the_endpoint_url() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        OpcUaServerSettings settings = OpcUaServerSettings.create(b -> b.bindAddress(ipv6Loopback));

        assertThat(settings.endpointUrl()).isEqualTo("opc.tcp://[0:0:0:0:0:0:0:1]:4840/isthmus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "isthmus", "/", "/a b", "/a//b", "/a/"})
    void a_path_must_be_slash_separated_names(String path) {
        assertThatThrownBy(() -> OpcUaServerSettings.create(b -> b.path(path)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
    }

    @Test
    void the_application_uri_must_be_absolute() {
        assertThatThrownBy(() -> OpcUaServerSettings.create(b -> b.applicationUri("isthmus-sim")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void at_least_one_endpoint_security_is_required() {
        assertThatThrownBy(() -> OpcUaServerSettings.create(b -> b.security(Set.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("security");
    }

    @Test
    void a_zero_minimum_sampling_interval_is_refused_because_it_would_spin() {
        assertThatThrownBy(() -> OpcUaServerSettings.create(b -> b.minimumSamplingInterval(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumSamplingInterval");
    }

    @Test
    void users_default_to_none_and_a_blank_user_name_is_refused() {
        assertThat(OpcUaServerSettings.defaults().users()).isEmpty();
        assertThat(OpcUaServerSettings.create(b -> b.users(Map.of("operator", "pw")))
                        .users())
                .containsEntry("operator", "pw");
        assertThatThrownBy(() -> OpcUaServerSettings.create(b -> b.users(Map.of(" ", "pw"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user name must not be blank");
    }
}
