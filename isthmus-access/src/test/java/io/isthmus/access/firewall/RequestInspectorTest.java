package io.isthmus.access.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Technique;
import io.isthmus.wire.modbus.MbapFrame;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pass/deny table of the inline firewall's decision on single requests. */
class RequestInspectorTest {
    private static final InetAddress PLC = address("127.0.0.10");
    private final FirewallConfig config =
            FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress(PLC, 5020));

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Verdict inspect(RequestInspector i, String client, int unit, String pduHex, long nanos) {
        return i.inspect(address(client), MbapFrame.of(7, unit, HexFormat.of().parseHex(pduHex)), Instant.EPOCH, nanos);
    }

    @ParameterizedTest(name = "[{index}] {0} unit {1} pdu {2}: {3}")
    @CsvSource({
        // client, unit, PDU, expected verdict, technique of a denial
        "127.0.0.20, 1, 0300000004,         forward, ",
        "127.0.0.20, 1, 0300080002,         forward, ",
        "127.0.0.20, 1, 0300080004,         deny,    T0801", // registers 8..11 cross the allowed 0..9
        "127.0.0.20, 2, 0300000004,         deny,    T0801", // unit 2 is not in the conduit
        "127.0.0.20, 1, 0400000004,         deny,    T0801", // input registers: function 4 not allowed
        "127.0.0.20, 1, 06000107D0,         forward, ", // speed setpoint 2000 to register 1
        "127.0.0.20, 1, 06000707D0,         deny,    T0855", // register 7 is not a setpoint
        "127.0.0.20, 1, 050000FF00,         forward, ", // run coil on
        "127.0.0.20, 1, 0800010000,         deny,    T0816", // restart communications (FC 8)
        "127.0.0.20, 1, 2B0E0100,           deny,    T0888", // read device identification
        "127.0.0.20, 1, 5A0102,             deny,    T0855", // function 90 (not public, e.g. UMAS): never forwarded
        "127.0.0.66, 1, 0300000004,         deny,    T0801", // the office never reaches the cell (IDMZ rule)
        "127.0.0.66, 1, 0500000000,         deny,    T0855", // stop coil from an IT host
        "127.0.0.99, 1, 0300000004,         deny,    T0801", // an address in no zone: default deny
        "127.0.0.20, 1, 03000000FF,         deny,    T0855", // quantity 255 > 125: malformed, fail closed
        "127.0.0.20, 1, 03,                 deny,    T0855" // truncated PDU: malformed, fail closed
    })
    void decidesEachRequestByThePolicy(String client, int unit, String pdu, String expected, String technique) {
        RequestInspector i = new RequestInspector(TestPolicies.hmiMayReadAndWriteSetpoints(), PLC, config);
        Verdict v = inspect(i, client, unit, pdu, 0);
        if (expected.equals("forward")) {
            assertThat(v).isInstanceOf(Verdict.Forward.class);
        } else {
            assertThat(v).isInstanceOfSatisfying(Verdict.Deny.class, d -> {
                assertThat(d.alert().techniques()).extracting(Technique::id).contains(technique);
                assertThat(d.alert().evidence().fact("src_ip")).contains(client);
                assertThat(d.reason()).isNotBlank();
            });
        }
    }

    @Test
    void writesAboveTheRateAreDeniedAsBruteForceIoAndTheBucketRefills() {
        RequestInspector i = new RequestInspector(
                TestPolicies.hmiMayReadAndWriteSetpoints(), PLC, config.withWriteRate(new WriteRateLimit(2, 3)));
        long t = 1_000_000_000L;
        for (int k = 0; k < 3; k++) {
            assertThat(inspect(i, "127.0.0.20", 1, "06000107D0", t)).isInstanceOf(Verdict.Forward.class);
        }
        assertThat(inspect(i, "127.0.0.20", 1, "06000107D0", t))
                .isInstanceOfSatisfying(
                        Verdict.Deny.class,
                        d -> assertThat(d.alert().techniques())
                                .extracting(Technique::id)
                                .containsExactly("T0806"));
        assertThat(inspect(i, "127.0.0.20", 1, "0300000004", t))
                .as("reads are not rate limited")
                .isInstanceOf(Verdict.Forward.class);
        assertThat(inspect(i, "127.0.0.1", 1, "06000107D0", t))
                .as("each client has its own bucket")
                .isInstanceOf(Verdict.Forward.class);
        assertThat(inspect(i, "127.0.0.20", 1, "06000107D0", t + 500_000_000L))
                .as("half a second later one token is back")
                .isInstanceOf(Verdict.Forward.class);
    }
}
