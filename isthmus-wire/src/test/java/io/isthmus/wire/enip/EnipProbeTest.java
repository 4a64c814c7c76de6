package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.DissectorFactory.Confidence;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EtherNet/IP is recognised by a plausible encapsulation header, on 44818 or elsewhere. */
class EnipProbeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // what,                                        first payload,                                            port,
        // expected
        "ListIdentity request (enip_test.pcap frame 6), 63000000000000000000000000000000c1debed100000000,        44818, CONTENT",
        "ListIdentity request on another port,          63000000000000000000000000000000c1debed100000000,        2222,  CONTENT",
        "RegisterSession request,                       65000400000000000000000000000000000000000000000001000000, 44818, CONTENT",
        "RegisterSession with the wrong length,         65000800000000000000000000000000000000000000000001000000, 44818, PORT_ONLY",
        "undefined command with a sane header,          55000000000000000000000000000000000000000000000000000000, 44818, PORT_ONLY",
        "undefined command elsewhere,                   55000000000000000000000000000000000000000000000000000000, 1234,  NO",
        "half a header on 44818,                        6300000000,                                              44818, PORT_ONLY",
        "half a header elsewhere,                       6300000000,                                              1234,  NO",
        "options not zero,                              63000000000000000000000000000000000000000100000000,      44818, NO",
        "a TPKT,                                        0300001902f08032010000000000080000f0000001000101e0,      44818, NO",
        "a Modbus request,                              000100000006010300000001,                                44818, NO"
    })
    void theFirstPayloadDecides(String what, String hex, int port, Confidence expected) {
        ByteBuffer first = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        assertThat(new EnipDissectorFactory().probe(first, port)).as(what).isEqualTo(expected);
        assertThat(first.position()).isZero();
    }
}
