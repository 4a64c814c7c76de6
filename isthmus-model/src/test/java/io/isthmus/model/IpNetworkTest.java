package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpNetworkTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/24, 10.0.0.0, true",
        "10.0.0.0/24, 10.0.0.255, true",
        "10.0.0.0/24, 10.0.1.0, false",
        "10.0.0.0/24, 9.255.255.255, false",
        "10.0.0.0/9, 10.127.255.255, true",
        "10.0.0.0/9, 10.128.0.0, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "192.168.1.10/32, 192.168.1.10, true",
        "192.168.1.10/32, 192.168.1.11, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::, false",
        "::/0, 2001:db8::1, true",
        "10.0.0.0/8, 2001:db8::1, false",
        "::/0, 10.0.0.1, false",
    })
    void containsExactlyTheAddressesUnderItsPrefix(String network, String address, boolean expected) {
        assertThat(IpNetwork.parse(network).contains(IpLiteral.parse(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/24", "0.0.0.0/0", "172.16.0.0/12", "2001:db8::/32", "fe80::/10", "::1/128"})
    void formatsAsItWasWritten(String text) {
        assertThat(IpNetwork.parse(text)).hasToString(text);
    }

    @Test
    void rejectsHostBitsNamingTheNetworkAndTheHostMeant() {
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.1/24"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid network '10.0.0.1/24': 10.0.0.1/24 has host bits set; the network is 10.0.0.0/24,"
                        + " the host alone is 10.0.0.1/32");
        assertThatThrownBy(() -> IpNetwork.parse("2001:db8::1/64"))
                .hasMessageContaining("the network is 2001:db8::/64, the host alone is 2001:db8::1/128");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10.0.0.0/33 | prefix length 33 is out of range for IPv4; expected 0 to 32",
                "2001:db8::/129 | prefix length 129 is out of range for IPv6; expected 0 to 128",
                "10.0.0.0/-1 | prefix length '-1' is not a decimal number",
                "10.0.0.0/ | prefix length '' is not a decimal number",
                "10.0.0.0/24x | prefix length '24x' is not a decimal number",
                "10.0.0.0 | missing '/prefix'",
            })
    void rejectsPrefixLengthsOutsideTheFamilysBounds(String text, String reason) {
        assertThatThrownBy(() -> IpNetwork.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid network '" + text + "': ")
                .hasMessageContaining(reason);
    }

    @Test
    void acceptsTheBoundaryPrefixLengths() {
        assertThat(IpNetwork.parse("0.0.0.0/0").prefixLength()).isZero();
        assertThat(IpNetwork.parse("10.1.2.3/32").prefixLength()).isEqualTo(32);
        assertThat(IpNetwork.parse("::/0").isIpv4()).isFalse();
        assertThat(IpNetwork.parse("2001:db8::1/128").prefixLength()).isEqualTo(128);
    }

    @Test
    void checksTheConstructorAsStrictlyAsTheParser() {
        assertThatThrownBy(() -> new IpNetwork(IpLiteral.parse("10.0.0.128"), 25 - 1))
                .hasMessageContaining("10.0.0.128/24 has host bits set");
        assertThatThrownBy(() -> new IpNetwork(IpLiteral.parse("10.0.0.0"), -1))
                .hasMessageContaining("prefix length -1 is out of range for IPv4");
    }
}
