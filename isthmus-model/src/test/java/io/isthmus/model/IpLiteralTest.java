package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest(name = "''{0}'' formats as ''{1}''")
    @CsvSource({
        "10.0.0.7, 10.0.0.7",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "2001:db8::1, 2001:db8::1",
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "::, ::",
        "::1, ::1",
        "fe80::, fe80::",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
    })
    void parsesLiteralsAndFormatsThemCanonically(String text, String canonical) {
        assertThat(IpLiteral.format(IpLiteral.parse(text))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.7", "2001:db8::1"})
    void returnsTheAddressFamilyTheTextWasWrittenIn(String text) {
        assertThat(IpLiteral.parse(text)).isInstanceOf(text.contains(":") ? Inet6Address.class : Inet4Address.class);
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plc1.example.com | an IPv4 address has 4 dot-separated numbers, found 3",
                "localhost | an IPv4 address has 4 dot-separated numbers, found 1",
                "10.0.0 | found 3",
                "10.0.0.256 | number 4 is 256; at most 255",
                "10.0.0.07 | number 4 '07' has a leading zero",
                "10.0.-1.7 | number 3 '-1' is not a decimal number",
                "1:2:3 | an IPv6 address without '::' has 8 groups, found 3",
                "1::2::3 | '::' may appear only once",
                "1:2:3:4:5:6:7::8 | '::' stands for at least one zero group",
                "fe80::1%eth0 | zone indexes",
                "12345::1 | group '12345' is not 1 to 4 hex digits",
                "::ffff:10.0.0.1 | IPv4-mapped addresses are not supported",
                "1.2.3.4:: | group '1.2.3.4' is not 1 to 4 hex digits",
            })
    void refusesAnythingButAStrictLiteralWithoutAskingDns(String text, String reason) {
        assertThatThrownBy(() -> IpLiteral.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid IP address '" + text + "': ")
                .hasMessageContaining(reason);
    }
}
