package io.isthmus.wire.s7;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.DissectorFactory.Confidence;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.TsharkPayloadStreams;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Port 102 carries S7comm, S7comm-plus and MMS alike: the content decides. */
class S7ProbeTest {

    private final S7commDissectorFactory s7 = new S7commDissectorFactory();
    private final S7commPlusDissectorFactory plus = new S7commPlusDissectorFactory();

    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // what,                                   first payload,                                       port, S7comm,
        // S7comm-plus
        "S7 job in a COTP DT,                      0300001902f08032010000000000080000f0000001000101e0,   102, CONTENT,   NO",
        "S7 job on another port,                   0300001902f08032010000000000080000f0000001000101e0,  4000, CONTENT,   NO",
        "CR with S7 TSAPs (PG to rack 0 slot 2),   0300001611e00000000100c1020100c2020102c00109,         102, CONTENT,   NO",
        "CR with SIMATIC-ROOT TSAP,                030000231ee00000001100c1020600c20f53494d415449432d524f4f542d4553c0010a, 102, NO, CONTENT",
        "S7comm-plus in a COTP DT,                 0300002002f08072020011320000054200000002340000000000000072020000, 102, NO, CONTENT",
        "MMS (ISO session SPDU) in a COTP DT,      0300001302f080010001006181a53081a2020103,             102, NO,        NO",
        "CR with the MMS TSAP 0001,                0300001611e00000000100c1020001c2020001c0010a,         102, NO,        NO",
        "empty DT: nothing to tell yet,            0300000702f000,                                       102, PORT_ONLY, NO",
        "empty DT on another port,                 0300000702f000,                                      4000, NO,        NO",
        "half a TPKT header,                       0300,                                                 102, PORT_ONLY, NO",
        "a Modbus request,                         000100000006010300000001,                             102, NO,        NO",
        "0x32 with an undefined PDU type,          0300001102f08032090000010000000000,                   102, NO,        NO"
    })
    void theFirstPayloadDecidesBetweenS7S7PlusAndOthers(
            String what, String hex, int port, Confidence s7Expected, Confidence plusExpected) {
        ByteBuffer first = bytes(hex);
        assertThat(s7.probe(first, port)).as(what).isEqualTo(s7Expected);
        assertThat(plus.probe(first, port)).as(what).isEqualTo(plusExpected);
        assertThat(first.position()).isZero();
    }

    @Test
    void aProbeLooksPastAnEmptyDataTpduToTheS7PduBehindIt() {
        ByteBuffer first =
                bytes("0300000702f000" + "0300002102f080320700006306000800080001120411440100ff09000401310002");
        assertThat(s7.probe(first, 102)).isEqualTo(Confidence.CONTENT);
    }

    @Test
    void noFlowOfTheIec61850CaptureIsClaimedAndNoneYieldsAnS7Message() {
        // other-iec61850__ITI__Sample_File_MMS_and_GOOSE.pcap: MMS on port 102 from mid-session
        for (var flow : TsharkPayloadStreams.load("other-iec61850__ITI__Sample_File_MMS_and_GOOSE.pcap")) {
            if (flow.sourcePort() != 102 && flow.destinationPort() != 102) {
                continue;
            }
            ByteBuffer first = ByteBuffer.wrap(flow.payloads().getFirst());
            assertThat(s7.probe(first, 102)).isEqualTo(Confidence.NO);
            assertThat(plus.probe(first, 102)).isEqualTo(Confidence.NO);
            var forced = DissectorFeed.feed(s7.newDissector(), flow.payloads(), flow.hint(102), 8196);
            assertThat(forced.messages()).isEmpty();
        }
    }
}
