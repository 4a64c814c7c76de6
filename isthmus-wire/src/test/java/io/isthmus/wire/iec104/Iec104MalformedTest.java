package io.isthmus.wire.iec104;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorStreamFeed;
import io.isthmus.wire.MessageSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken IEC 60870-5-104 streams (the malformed table): each ends in counted anomalies,
 * the same whether delivered at once or as 1-byte TCP segments, and the STARTDT act after the
 * damage is still decoded when one follows.
 */
class Iec104MalformedTest {
    private static final String STARTDT_ACT = "68 04 07 00 00 00";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "APDU length 0; 68 00 | " + STARTDT_ACT + "; iec104_apdu_length_invalid; 1",
                "APDU length 1; 68 01 00 | " + STARTDT_ACT + "; iec104_apdu_length_invalid; 1",
                "APDU length 2; 68 02 00 00 | " + STARTDT_ACT + "; iec104_apdu_length_invalid; 1",
                "APDU length 3; 68 03 00 00 00 | " + STARTDT_ACT + "; iec104_apdu_length_invalid; 1",
                "APDU length 254; 68 fe 00 00 00 00 | " + STARTDT_ACT + "; iec104_apdu_length_invalid; 1",
                "APDU length 255; 68 ff | " + STARTDT_ACT + "; iec104_apdu_length_invalid; 1",
                "garbage before the start (TestDissectIec104.pcap frame 23); 05 05 05 05 05 | " + STARTDT_ACT
                        + "; iec104_start_missing; 1",
                "I-frame whose ASDU is shorter than its objects claim; 68 0e 00 00 00 00 | 0d 02 01 00 03 00 | 14 05 00 00"
                        + "; iec104_asdu_objects_truncated; 1",
                "I-frame with octets after its objects; 68 10 00 00 00 00 | 2d 01 06 00 03 00 | 94 11 00 81 | ff ff"
                        + "; iec104_asdu_trailing_octets; 1",
                "I-frame shorter than the ASDU identifier; 68 08 00 00 00 00 | 64 01 06 00 | " + STARTDT_ACT
                        + "; iec104_asdu_too_short; 1",
                "I-frame without any ASDU (TestDissectIec104.pcap frame 25); 68 04 16 16 16 16"
                        + "; iec104_asdu_too_short; 0",
                "unknown type id 200; 68 0e 00 00 00 00 | c8 01 06 00 03 00 | 01 00 00 | 01"
                        + "; iec104_type_unknown; 1",
                "undefined cause 0; 68 0e 00 00 00 00 | 64 01 00 00 03 00 | 00 00 00 | 14"
                        + "; iec104_cause_unknown; 1",
                "U-format naming two functions (TestDissectIec104.pcap frame 36); 68 04 17 00 00 00 | " + STARTDT_ACT
                        + "; iec104_u_function_invalid; 1",
                "S-format of length 6 (TestDissectIec104.pcap frame 71); 68 06 19 19 19 19 19 19 | " + STARTDT_ACT
                        + "; iec104_apci_length_mismatch; 1",
            })
    void endsInCountedAnomaliesWholeAndInOneByteSegments(String title, String stream, String anomaly, int messages) {
        byte[] bytes = hex(stream);
        for (int chunk : new int[] {bytes.length, 1}) {
            DissectorStreamFeed feed = new DissectorStreamFeed(
                            new Iec104Dissector(Iec104Limits.DEFAULT), Direction.REQUEST)
                    .feedInChunks(bytes, chunk);
            assertThat(feed.anomalyCodes()).as("chunk %d", chunk).containsExactly(anomaly);
            assertThat(feed.messages()).as("chunk %d", chunk).hasSize(messages);
            assertThat(feed.pendingBytes()).as("chunk %d", chunk).isZero();
        }
    }

    @Test
    void anUnknownTypeIsReportedAsUnknownWithItsNumber() {
        MessageSummary m = new DissectorStreamFeed(new Iec104Dissector(Iec104Limits.DEFAULT), Direction.REQUEST)
                .feed(hex("68 0e 00 00 00 00 | c8 01 06 00 03 00 | 01 00 00 | 01"))
                .messages()
                .get(0);
        assertThat(m.function()).isEqualTo(200);
        assertThat(m.functionName()).isEqualTo("Unknown type 200");
    }

    @Test
    void aDamagedStretchCountsOnceHoweverItIsSegmented() {
        // iec104__ITI__TestDissectIec104.pcap stream from port 1568: garbage and impossible lengths.
        byte[] stream = hex("00 | 01 68 | 02 02 68 00 12 12 | 03 03 03 68 01 13 13 13 | " + STARTDT_ACT);
        for (int chunk : new int[] {stream.length, 1, 2, 3}) {
            DissectorStreamFeed feed = new DissectorStreamFeed(
                            new Iec104Dissector(Iec104Limits.DEFAULT), Direction.REQUEST)
                    .feedInChunks(stream, chunk);
            assertThat(feed.anomalyCodes()).as("chunk %d", chunk).isEqualTo(List.of("iec104_start_missing"));
            assertThat(feed.messages()).hasSize(1);
        }
    }
}
