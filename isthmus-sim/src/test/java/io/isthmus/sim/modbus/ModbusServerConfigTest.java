package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.wire.modbus.ModbusLimits;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModbusServerConfigTest {

    @Test
    @DisplayName("the defaults serve unit 1 on 127.0.0.1:502 with the specification's limits")
    void defaults() {
        var config = ModbusServerConfig.create(b -> {});
        assertThat(config.bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(config.port()).isEqualTo(502);
        assertThat(config.unitId()).isEqualTo(1);
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxConnections()).isEqualTo(16);
        assertThat(config.limits()).isEqualTo(ModbusLimits.SPEC);
        assertThat(config.identity().vendorName()).isEqualTo("Isthmus Virtual Factory");
    }

    @Test
    @DisplayName("out-of-range settings are refused when the configuration is built")
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> ModbusServerConfig.create(b -> b.port(65536)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModbusServerConfig.create(b -> b.unitId(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unitId");
        assertThatThrownBy(() -> ModbusServerConfig.create(b -> b.unitId(255)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModbusServerConfig.create(b -> b.idleTimeout(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModbusServerConfig.create(b -> b.maxConnections(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModbusServerConfig.create(b -> b.machine("f\u00fcller", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("§6.21: machine() sets ProductCode and MajorMinorRevision under the Isthmus vendor name")
    void machineSetsTheIdentity() {
        var config = ModbusServerConfig.create(b -> b.machine("labeler-2", "0.3"));
        assertThat(config.identity())
                .isEqualTo(new ModbusDeviceIdentity("Isthmus Virtual Factory", "labeler-2", "0.3"));
    }
}
