package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"00:1b:1b:aa:bb:cc", "00:1B:1B:AA:BB:CC", "00-1b-1b-aa-bb-cc", "00-1B-1B-Aa-bB-cC"})
    void parsesColonAndDashFormsInEitherCaseToOneAddress(String text) {
        MacAddress mac = MacAddress.parse(text);
        assertThat(mac.value()).isEqualTo(0x001B1BAABBCCL);
        assertThat(mac).hasToString("00:1b:1b:aa:bb:cc");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", 0, "is empty"),
                arguments("00:1b:1b:aa:bb", 14, "ends after 5 octet(s); expected 6"),
                arguments("00:1b:1b:aa:bb:c", 16, "octet 6 is cut short"),
                arguments("00:1b:1b:aa:bb:cc:dd", 17, "has extra characters after the sixth octet"),
                arguments("00:1b:1b-aa:bb:cc", 8, "has '-' where the separator ':' belongs"),
                arguments("00.1b.1b.aa.bb.cc", 2, "separate octets with ':' or '-'"),
                arguments("001b.1baa.bbcc", 2, "separate octets with ':' or '-'"),
                arguments("00:1g:1b:aa:bb:cc", 4, "octet 2 has 'g', which is not a hex digit"),
                arguments("0:1b:1b:aa:bb:cc:", 1, "octet 1 has ':', which is not a hex digit"),
                arguments("00:1b:1b:aa:bb:\u0663\u0663", 15, "octet 6 has '\u0663', which is not a hex digit"));
    }

    @ParameterizedTest(name = "''{0}'' fails at offset {1}")
    @MethodSource("malformed")
    void rejectsMalformedTextNamingTheOffset(String text, int offset, String reason) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid MAC address '" + text + "' at offset " + offset + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void exposesTheOuiAsTheFirstThreeOctets() {
        assertThat(MacAddress.parse("00:1b:1b:aa:bb:cc").oui()).isEqualTo(0x001B1B);
        assertThat(MacAddress.parse("ff:ff:ff:00:00:00").oui()).isEqualTo(0xFFFFFF);
    }

    @Test
    void roundTripsThroughTheOctetsOfAFrameHeader() {
        byte[] octets = {0x00, 0x1b, 0x1b, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc};
        MacAddress mac = MacAddress.of(octets);
        assertThat(mac).isEqualTo(MacAddress.parse("00:1b:1b:aa:bb:cc"));
        assertThat(mac.octets()).containsExactly(octets);
    }

    @Test
    void rejectsOctetArraysOfTheWrongLength() {
        assertThatThrownBy(() -> MacAddress.of(new byte[5])).hasMessage("a MAC address has 6 octets, got 5");
    }

    @Test
    void rejectsValuesWiderThanFortyEightBits() {
        assertThatThrownBy(() -> new MacAddress(1L << 48)).hasMessageContaining("does not fit in 48 bits");
    }

    @Test
    void readsTheGroupAndLocalBitsOfTheFirstOctet() {
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
        assertThat(MacAddress.parse("ff:ff:ff:ff:ff:ff").isMulticast()).isTrue();
        assertThat(MacAddress.parse("00:1b:1b:aa:bb:cc").isMulticast()).isFalse();
        assertThat(MacAddress.parse("02:42:ac:11:00:02").isLocallyAdministered())
                .isTrue();
        assertThat(MacAddress.parse("00:1b:1b:aa:bb:cc").isLocallyAdministered())
                .isFalse();
    }
}
