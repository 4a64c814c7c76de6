package io.isthmus.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway's Modbus connections leave from its configured address when this host has it, and
 * say so plainly when it does not. {@link GatewayTest} shows the PLC seeing 127.0.0.50.
 */
class ModbusOtPathBindTest {
    @Test
    void aLoopbackAddressOfTheIdmzIsBoundWithoutAWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        InetAddress idmz = InetAddress.getByName("127.0.0.50");
        assertThat(ModbusOtPath.bindable(idmz, warnings::add)).contains(idmz);
        assertThat(warnings).isEmpty();
    }

    @Test
    void anAddressThisHostDoesNotHaveFallsBackWithAWarningNamingIt() throws Exception {
        List<String> warnings = new ArrayList<>();
        // RFC 5737 documentation address: binding is a local call that fails; nothing is sent
        InetAddress elsewhere = InetAddress.getByName("192.0.2.1");
        assertThat(ModbusOtPath.bindable(elsewhere, warnings::add)).isEmpty();
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .startsWith("isthmus: warning: the gateway's address 192.0.2.1 cannot be bound")
                        .contains("the conduit check still decides from 192.0.2.1"));
    }
}
