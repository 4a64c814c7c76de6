package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.enip.cip.CipAccess;
import io.isthmus.wire.enip.cip.CipMessage;
import io.isthmus.wire.enip.cip.EPath;
import io.isthmus.wire.enip.cip.LogicalType;
import io.isthmus.wire.enip.cip.PathSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The summary's access kind and status, found in one walk over the CIP message trees. */
class EnipSummaryTest {

    private static final int[] SERVICES = {0x01, 0x05, 0x07, 0x0E, 0x10, 0x4B, 0x4C, 0x4D, 0x4E, 0x52, 0x54, 0x0A};
    private static final long[] CLASSES = {0x01, 0x02, 0x06, 0x37, 0x67, 0x6B, 0x72, 0x8E, 0xA1};
    private static final int[] STATUSES = {0, 0, 0, 0x01, 0x05, 0x08, 0x1E, 0xFF};

    /** A random tree of requests and replies, up to three levels of embedded messages. */
    private static CipMessage message(Random random, int depth) {
        List<CipMessage> embedded = new ArrayList<>();
        if (depth < 3 && random.nextInt(3) == 0) {
            for (int i = random.nextInt(4); i >= 0; i--) {
                embedded.add(message(random, depth + 1));
            }
        }
        int service = SERVICES[random.nextInt(SERVICES.length)];
        if (random.nextBoolean()) {
            return new CipMessage.Response(service, STATUSES[random.nextInt(STATUSES.length)], List.of(), embedded);
        }
        List<PathSegment> path = random.nextInt(5) == 0
                ? List.of(new PathSegment.Symbolic("Tag" + random.nextInt(3)))
                : List.of(
                        new PathSegment.Logical(LogicalType.CLASS_ID, CLASSES[random.nextInt(CLASSES.length)]),
                        new PathSegment.Logical(LogicalType.INSTANCE_ID, 1));
        return new CipMessage.Request(service, new EPath(path), embedded);
    }

    /** The reference: the strongest {@link CipAccess#of} of the messages. */
    private static AccessKind access(List<CipMessage> messages) {
        AccessKind strongest = null;
        for (CipMessage m : messages) {
            strongest = CipAccess.stronger(strongest, CipAccess.of(m));
        }
        return strongest;
    }

    /** The reference: the first failing reply in wire order, outer before embedded. */
    private static Optional<CipMessage.Response> firstFailure(List<CipMessage> messages) {
        for (CipMessage m : messages) {
            if (m instanceof CipMessage.Response r && r.generalStatus() != 0) {
                return Optional.of(r);
            }
            Optional<CipMessage.Response> inner = firstFailure(m.embedded());
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    @Test
    void accessIsTheStrongestOfTheTreesAndStatusTheFirstFailingReplyInWireOrder() {
        Random random = new Random(6_500);
        int failures = 0;
        for (int run = 0; run < 5_000; run++) {
            List<CipMessage> messages = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                messages.add(message(random, 0));
            }
            var header = new EncapsulationHeader(0x6F, 0, 1, 0, run, 0);
            var body = new EnipBody.SendData(messages, OptionalLong.empty(), OptionalInt.empty());
            MessageSummary s = EnipSummary.of(new EnipMessage(header, body, List.of()), Direction.REQUEST);

            assertThat(s.access()).as("%s", messages).isEqualTo(access(messages));
            Optional<CipMessage.Response> failure = firstFailure(messages);
            assertThat(s.status())
                    .as("%s", messages)
                    .isEqualTo(
                            failure.map(r -> r.status().displayName() + String.format(" (0x%02X)", r.generalStatus())));
            failures += failure.isPresent() ? 1 : 0;
        }
        assertThat(failures).isBetween(500, 4_500); // both cases well covered
    }

    @Test
    void aSendDataWithoutCipMessagesTakesTheCommandsAccessAndAnEncapsulationErrorComesFirst() {
        var failing = new CipMessage.Response(0x4C, 0x05, List.of(), List.of());
        var header = new EncapsulationHeader(0x6F, 0, 1, 0x65, 0, 0);
        MessageSummary withError = EnipSummary.of(
                new EnipMessage(
                        header,
                        new EnipBody.SendData(List.of(failing), OptionalLong.empty(), OptionalInt.empty()),
                        List.of()),
                Direction.RESPONSE);
        MessageSummary empty = EnipSummary.of(
                new EnipMessage(
                        new EncapsulationHeader(0x6F, 0, 1, 0, 0, 0),
                        new EnipBody.SendData(List.of(), OptionalLong.empty(), OptionalInt.empty()),
                        List.of()),
                Direction.REQUEST);

        assertThat(withError.status()).hasValueSatisfying(t -> assertThat(t).endsWith("(0x0065)"));
        assertThat(empty.access()).isEqualTo(EncapsulationCommand.SEND_RR_DATA.access());
        assertThat(empty.status()).isEmpty();
    }

    @Test
    void theSummaryReadFromTheHeaderInPlaceEqualsTheOneFromTheDecodedMessage() {
        Random random = new Random(44_818);
        int[] commands = {0x00, 0x04, 0x63, 0x64, 0x65, 0x66, 0x6F, 0x70, 0x72, 0x73, 0x99, 0xFF};
        long[] statuses = {0, 0, 0, 0x01, 0x65, 0x69, 0x1234, 0xFFFF_FFFFL};
        for (int run = 0; run < 5_000; run++) {
            byte[] b = new byte[30];
            int at = random.nextInt(6);
            random.nextBytes(b);
            var header = new EncapsulationHeader(
                    commands[random.nextInt(commands.length)],
                    0,
                    random.nextLong() >>> 32,
                    statuses[random.nextInt(statuses.length)],
                    random.nextLong(),
                    0);
            java.nio.ByteBuffer.wrap(b, at, EnipLimits.HEADER_LENGTH)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) header.command())
                    .putShort((short) header.length())
                    .putInt((int) header.sessionHandle())
                    .putInt((int) header.status())
                    .putLong(header.senderContext())
                    .putInt(0);
            List<CipMessage> messages = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                messages.add(message(random, 0));
            }
            EnipBody body = random.nextBoolean()
                    ? new EnipBody.SendData(
                            messages,
                            random.nextBoolean() ? OptionalLong.of(random.nextLong() >>> 32) : OptionalLong.empty(),
                            random.nextBoolean() ? OptionalInt.of(random.nextInt(65_536)) : OptionalInt.empty())
                    : new EnipBody.Session(1, random.nextInt(3));
            List<io.isthmus.wire.Anomaly> anomalies =
                    random.nextInt(4) == 0 ? List.of(EnipError.DATA_TRUNCATED.anomaly("run " + run)) : List.of();
            Direction hint = random.nextBoolean() ? Direction.REQUEST : Direction.RESPONSE;

            MessageSummary inPlace = EnipSummary.of(b, at, body, anomalies, hint);
            MessageSummary decoded = EnipSummary.of(new EnipMessage(header, body, anomalies), hint);

            assertThat(inPlace).as("run %d", run).isEqualTo(decoded);
            assertThat(List.copyOf(inPlace.attributes())).isEqualTo(List.copyOf(decoded.attributes()));
            // the sender context (any 64-bit value), or the sequence count of a connected message
            long transaction =
                    body instanceof EnipBody.SendData d && d.sequenceCount().isPresent()
                            ? d.sequenceCount().getAsInt()
                            : header.senderContext();
            assertThat(inPlace.transaction()).as("run %d", run).hasValue(transaction);
            // the session handle's 32 bits, those with the top bit set too
            assertThat(inPlace.attributes().getFirst())
                    .isEqualTo(new io.isthmus.wire.Attribute(
                            "enip_session", String.format("0x%08X", header.sessionHandle())));
        }
    }

    @Test
    void theDissectorsSendDataSummaryEqualsTheOneFromTheDecodedMessage() {
        // the dissector decodes SendRRData and SendUnitData straight into SendDataAttributes; its
        // summary (attributes and anomalies included) must be the one of the decoded message, for
        // real messages and for damaged copies of them, on a decoder reused message after message
        Random random = new Random(20_261_127);
        EnipDecoder reused = new EnipDecoder(EnipLimits.DEFAULT);
        EnipSummary.Scans scans = new EnipSummary.Scans();
        int checked = 0;
        int withAnomalies = 0;
        for (EnipVectors.Vector v : EnipVectors.valid()) {
            byte[] original = v.bytes();
            if (!EnipDecoder.carriesCip(Encapsulation.command(original, 0))) {
                continue;
            }
            for (int run = 0; run < 400; run++) {
                byte[] message = original.clone();
                for (int flips = run == 0 ? 0 : 1 + random.nextInt(4); flips > 0; flips--) {
                    int data = message.length - EnipLimits.HEADER_LENGTH;
                    message[EnipLimits.HEADER_LENGTH + random.nextInt(data)] = (byte) random.nextInt(256);
                }
                int at = random.nextInt(4);
                byte[] b = new byte[at + message.length + random.nextInt(4)];
                random.nextBytes(b);
                System.arraycopy(message, 0, b, at, message.length);
                Direction hint = random.nextBoolean() ? Direction.REQUEST : Direction.RESPONSE;
                var frame = (EncapsulationRead.Frame)
                        Encapsulation.read(message, 0, message.length, EnipLimits.DEFAULT.maxEncapsulationLength());

                SendDataAttributes sent = reused.decodeSendData(b, at);
                MessageSummary inPlace =
                        EnipSummary.of(b, at, sent, reused.sequenceCount(), reused.anomalies(), hint, scans);
                MessageSummary decoded =
                        EnipSummary.of(new EnipDecoder(EnipLimits.DEFAULT).decode(message, 0, frame.header()), hint);

                assertThat(inPlace).as("%s run %d", v, run).isEqualTo(decoded);
                assertThat(List.copyOf(inPlace.attributes()))
                        .as("%s run %d", v, run)
                        .isEqualTo(List.copyOf(decoded.attributes()));
                checked++;
                withAnomalies += inPlace.anomalies().isEmpty() ? 0 : 1;
            }
        }
        assertThat(checked).isGreaterThan(4_000);
        assertThat(withAnomalies).as("damaged messages with anomalies").isGreaterThan(100);
    }

    @Test
    void aSendDataCarriesA32BitConnectionIdAndA16BitSequenceCount() {
        // the summary keeps the connection id as a number with -1 for none: a wider id is refused
        assertThat(new EnipBody.SendData(List.of(), OptionalLong.of(0xFFFF_FFFFL), OptionalInt.of(0xFFFF))
                        .connectionId())
                .hasValue(0xFFFF_FFFFL);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new EnipBody.SendData(List.of(), OptionalLong.of(-1), OptionalInt.empty()));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new EnipBody.SendData(List.of(), OptionalLong.empty(), OptionalInt.of(0x1_0000)));
    }
}
