package io.isthmus.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.TagPath;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {
    private static final TagPath PATH = TagPath.parse("acme/site/area/line1/cell/pump/speed");

    @Test
    void hostPortParsesNamesAndBracketedV6() {
        assertThat(HostPort.parse("10.0.0.5:502")).isEqualTo(new HostPort("10.0.0.5", 502));
        assertThat(HostPort.parse("[fd00::5]:1502")).isEqualTo(new HostPort("fd00::5", 1502));
        assertThatThrownBy(() -> HostPort.parse("plc1")).hasMessageContaining("not host:port");
        assertThatThrownBy(() -> HostPort.parse("plc1:0")).hasMessageContaining("port must be 1..65535");
    }

    @Test
    void sourceLimitsFollowTheProtocol() {
        var ep = new HostPort("127.0.0.1", 502);
        assertThatThrownBy(() -> SourceConfig.create("p", ep, b -> b.maxRegistersPerRequest = 126))
                .hasMessageContaining("maxRegistersPerRequest must be 1..125");
        assertThatThrownBy(() -> SourceConfig.create("p", ep, b -> b.unitId = 0))
                .hasMessageContaining("unitId");
        assertThatThrownBy(() -> SourceConfig.create("p", ep, b -> b.requestTimeout = Duration.ZERO))
                .hasMessageContaining("requestTimeout must be positive");
        assertThatThrownBy(() -> new RequestBudget(10, 1, 0)).hasMessageContaining("maxInFlight must be 1..16, was 0");
        assertThatThrownBy(() -> new RequestBudget(10, 1, 17))
                .hasMessageContaining("maxInFlight must be 1..16, was 17");
        assertThatThrownBy(() -> new BackoffConfig(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 0.1))
                .hasMessageContaining("shorter than initial");
    }

    @Test
    void scalingInAddressAndTagAtOnceIsRefused() {
        var scaled = ModbusAddress.parse("holding:1:int16:scale=0.1");
        assertThatThrownBy(
                        () -> new TagConfig(PATH, "p", scaled, new Scaling(2, 0), "", Deadband.NONE, Optional.empty()))
                .hasMessageContaining("both in the address and in the tag");
        assertThat(TagConfig.of(PATH, "p", scaled).scaling()).isEqualTo(new Scaling(0.1, 0));
    }

    @Test
    void tagsMustNameADefinedSourceAndBeUnique() {
        var source = SourceConfig.create("plc1", new HostPort("127.0.0.1", 502), b -> {});
        var tag = TagConfig.of(PATH, "plc2", ModbusAddress.parse("coil:0"));
        assertThatThrownBy(() -> new ConnectConfig(List.of(source), List.of(tag)))
                .hasMessageContaining("source 'plc2' is not defined");
        var ok = TagConfig.of(PATH, "plc1", ModbusAddress.parse("coil:0"));
        assertThatThrownBy(() -> new ConnectConfig(List.of(source), List.of(ok, ok)))
                .hasMessageContaining("defined twice");
    }

    @Test
    void deadbandAbsoluteAndPercent() {
        assertThat(Deadband.absolute(0.5).exceeded(10, 10.4)).isFalse();
        assertThat(Deadband.absolute(0.5).exceeded(10, 10.6)).isTrue();
        assertThat(Deadband.percent(10).exceeded(100, 109)).isFalse();
        assertThat(Deadband.percent(10).exceeded(100, 111)).isTrue();
        assertThat(Deadband.absolute(0).exceeded(1, 1)).isFalse();
        assertThat(Deadband.NONE.exceeded(1, 1)).isTrue();
        assertThatThrownBy(() -> Deadband.absolute(-1)).hasMessageContaining(">= 0");
    }
}
