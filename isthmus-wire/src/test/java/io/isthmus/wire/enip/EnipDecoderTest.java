package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.enip.cip.CipDecode;
import io.isthmus.wire.enip.cip.CipDecoder;
import io.isthmus.wire.enip.cip.CipError;
import io.isthmus.wire.enip.cip.CipMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoder's one walk over a SendData's Common Packet Format items. */
class EnipDecoderTest {

    /**
     * The reference: the items as {@link CommonPacketFormat#read} gives them (with {@link
     * CommonPacketFormat#count}'s anomalies first), then each data item's CIP message decoded on its
     * own, anomalies in that order.
     */
    private static List<Anomaly> expectedAnomalies(byte[] m, List<CipMessage> messages) {
        EnipLimits limits = EnipLimits.DEFAULT;
        List<Anomaly> expected = new ArrayList<>();
        int length = Encapsulation.dataLength(m, 0);
        if (length < 6) {
            expected.add(EnipError.DATA_TRUNCATED.anomaly("send data of " + length + " octets"));
            return expected;
        }
        int at = EnipLimits.HEADER_LENGTH + 6;
        List<CpfItem> items = CommonPacketFormat.read(m, at, length - 6, limits.maxCpfItems(), expected);
        CipDecoder cip = new CipDecoder(limits.maxEmbedded(), limits.maxNesting(), limits.maxPathSegments());
        for (CpfItem item : items) {
            CpfItemType type = item.type();
            if (type == CpfItemType.UNCONNECTED_DATA) {
                cip(cip.decode(m, item.dataAt(), item.length()), item.length(), expected, messages);
            } else if (type == CpfItemType.CONNECTED_DATA && item.length() >= 2) {
                cip(cip.decode(m, item.dataAt() + 2, item.length() - 2), item.length() - 2, expected, messages);
            }
        }
        return expected;
    }

    private static void cip(CipDecode d, int length, List<Anomaly> expected, List<CipMessage> messages) {
        switch (d) {
            case CipDecode.Decoded ok -> {
                messages.add(ok.message());
                expected.addAll(ok.anomalies());
            }
            case CipDecode.Invalid i ->
                expected.add(CipError.TRUNCATED.anomaly("CIP message of " + length + " octets"));
        }
    }

    @Test
    void aSendDataWalkedOnceGivesTheAnomaliesOfTheItemCountFirstThenOfItsCipMessages() {
        Random random = new Random(2_026_112_701L);
        EnipDecoder reused = new EnipDecoder(EnipLimits.DEFAULT);
        int checked = 0;
        int cpfBeforeCip = 0;
        for (EnipVectors.Vector v : EnipVectors.valid()) {
            byte[] original = v.bytes();
            if (!EnipDecoder.carriesCip(Encapsulation.command(original, 0))) {
                continue;
            }
            for (int run = 0; run < 1_000; run++) {
                byte[] m = original.clone();
                int data = m.length - EnipLimits.HEADER_LENGTH;
                for (int flips = run == 0 ? 0 : 1 + random.nextInt(3); flips > 0; flips--) {
                    // half of the damage in the item count and the item headers
                    int span = random.nextBoolean() ? Math.min(data, 6 + 2 + 4 + 4 + 4 + 4) : data;
                    m[EnipLimits.HEADER_LENGTH + random.nextInt(span)] = (byte) random.nextInt(256);
                }
                List<CipMessage> messages = new ArrayList<>();
                List<Anomaly> expected = expectedAnomalies(m, messages);

                SendDataAttributes sent = reused.decodeSendData(m, 0);
                List<Anomaly> anomalies = reused.anomalies();

                assertThat(anomalies).as("%s run %d", v, run).isEqualTo(expected);
                assertThat(sent.messageCount()).isEqualTo(messages.size());
                for (int i = 0; i < messages.size(); i++) {
                    assertThat(sent.message(i)).isEqualTo(messages.get(i));
                }
                checked++;
                boolean cpf = anomalies.stream().anyMatch(a -> a.code().startsWith("enip_cpf"));
                boolean cipToo = anomalies.stream().anyMatch(a -> a.code().startsWith("cip_"));
                cpfBeforeCip += cpf && cipToo ? 1 : 0;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(cpfBeforeCip).as("messages with both item and CIP anomalies").isGreaterThan(20);
    }
}
