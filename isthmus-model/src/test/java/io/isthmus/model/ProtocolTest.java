package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtocolTest {

    @Test
    void keepsTheWireNamesUsedInJson() {
        assertThat(Arrays.stream(Protocol.values()).map(Protocol::id))
                .containsExactly(
                        "modbus",
                        "s7comm",
                        "s7commplus",
                        "enip",
                        "dnp3",
                        "opcua",
                        "bacnet",
                        "iec104",
                        "pn_dcp",
                        "mqtt");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void resolvesEveryWireNameBackToItsProtocol(Protocol protocol) {
        assertThat(Protocol.fromId(protocol.id())).isSameAs(protocol);
    }

    @Test
    void rejectsAConstantNameOrUnknownIdListingTheValidOnes() {
        assertThatThrownBy(() -> Protocol.fromId("OPC_UA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'OPC_UA' is not a protocol id; expected one of modbus, s7comm, s7commplus, enip, dnp3,"
                        + " opcua, bacnet, iec104, pn_dcp, mqtt");
        assertThatThrownBy(() -> Protocol.fromId("profinet")).hasMessageStartingWith("'profinet' is not a protocol id");
    }

    @Test
    void knowsTheIanaPortsAndThatDcpHasNone() {
        assertThat(Protocol.MODBUS.wellKnownPort()).hasValue(502);
        assertThat(Protocol.ENIP.wellKnownPort()).hasValue(44818);
        assertThat(Protocol.BACNET.wellKnownPort()).hasValue(0xBAC0);
        assertThat(Protocol.PN_DCP.wellKnownPort()).isEmpty();
    }
}
