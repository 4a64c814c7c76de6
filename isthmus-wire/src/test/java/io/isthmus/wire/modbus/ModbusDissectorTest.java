package io.isthmus.wire.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.DissectorFactory.Confidence;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Modbus/TCP dissector (Messaging on TCP/IP Implementation Guide V1.0b 3.1.3; Application
 * Protocol Specification V1.1b3 sections 5 to 7) on real frames and spec examples.
 */
class ModbusDissectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private final ModbusDissectorFactory factory = new ModbusDissectorFactory();

    /** modbus__ITI__modbusSmall.pcap frame 4 (SOURCES.md: Zeek test trace): FC 15 request, 3 coils. */
    private static final String WRITE_COILS_REQUEST = "000100000008010f000000030100";
    /** Same capture, frame 16: FC 1 response, one byte of coils. */
    private static final String READ_COILS_RESPONSE = "00010000000401010100";

    private static MessageSummary one(String hex, Direction direction) {
        var d = new ModbusDissector(ModbusLimits.SENSOR).next(ByteBuffer.wrap(HEX.parseHex(hex)), direction);
        assertThat(d).isInstanceOf(Dissection.Messages.class);
        var m = (Dissection.Messages) d;
        assertThat(m.consumed()).isEqualTo(hex.length() / 2);
        assertThat(m.messages()).hasSize(1);
        return m.messages().getFirst();
    }

    @Test
    void aRealWriteMultipleCoilsRequestReportsAddressQuantityAndWrittenValues() {
        MessageSummary s = one(WRITE_COILS_REQUEST, Direction.REQUEST);
        assertThat(s.protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(s.function()).isEqualTo(15);
        assertThat(s.functionName()).isEqualTo("Write Multiple Coils");
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(s.unit().getAsLong()).isEqualTo(1);
        assertThat(s.transaction().getAsLong()).isEqualTo(1);
        assertThat(s.address().getAsLong()).isZero();
        assertThat(s.quantity().getAsLong()).isEqualTo(3);
        assertThat(s.attributes()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("values");
            assertThat(a.value()).isEqualTo("0,0,0");
        });
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void aRealReadCoilsResponseIsAReadResponseWithoutAddress() {
        MessageSummary s = one(READ_COILS_RESPONSE, Direction.RESPONSE);
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(s.function()).isEqualTo(1);
        assertThat(s.access()).isEqualTo(AccessKind.READ);
        assertThat(s.address()).isEmpty();
    }

    @Test
    void anExceptionResponseReportsTheExceptionNameAsStatus_section7() {
        // tid 7, unit 1, FC 0x83, exception 02 ILLEGAL DATA ADDRESS
        MessageSummary s = one("000700000003018302", Direction.RESPONSE);
        assertThat(s.function()).isEqualTo(3);
        assertThat(s.status()).contains("ILLEGAL_DATA_ADDRESS");
    }

    @Test
    void readDeviceIdentificationObjectsBecomeAttributes_section6_21() {
        // FC 43 MEI 14, code 1, conformity 0x01, no more, next 0, 3 objects
        String pdu = "2b0e01010000" + "03" + "0005" + HEX.formatHex("ACME!".getBytes()) + "0103"
                + HEX.formatHex("P-1".getBytes()) + "0204" + HEX.formatHex("V1.2".getBytes());
        String adu = "0009" + "0000" + String.format("%04x", pdu.length() / 2 + 1) + "01" + pdu;
        MessageSummary s = one(adu, Direction.RESPONSE);
        assertThat(s.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(s.functionName()).isEqualTo("Read Device Identification");
        assertThat(s.attributes())
                .extracting(a -> a.name() + "=" + a.value())
                .contains("vendor_name=ACME!", "product_code=P-1", "revision=V1.2");
    }

    @Test
    void aReadWithQuantityZeroIsFlagged_section6_3() {
        MessageSummary s = one("000100000006010300000000", Direction.REQUEST);
        assertThat(s.anomalies()).extracting(a -> a.code()).containsExactly("modbus_quantity_out_of_range");
    }

    @Test
    void aWriteMultipleRegistersWithAByteCountMismatchIsFlaggedButStillAMessage_section6_12() {
        // quantity 2, byte count 2, one register: decodes, then fails validation or decoding
        MessageSummary s = one("00010000000901100000000202000a", Direction.REQUEST);
        assertThat(s.function()).isEqualTo(16);
        assertThat(s.anomalies()).extracting(a -> a.code()).containsAnyOf("modbus_byte_count_mismatch");
    }

    @Test
    void anUnknownFunctionIsDiagnosticWithAnAnomaly() {
        MessageSummary s = one("0001000000030141ff", Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x41);
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(s.anomalies()).extracting(a -> a.code()).containsExactly("modbus_unknown_function");
    }

    @ParameterizedTest(name = "FC {0} sub {1} is {2}")
    @CsvSource({
        "1,-1,READ",
        "2,-1,READ",
        "3,-1,READ",
        "4,-1,READ",
        "20,-1,READ",
        "24,-1,READ",
        "5,-1,WRITE",
        "6,-1,WRITE",
        "15,-1,WRITE",
        "16,-1,WRITE",
        "21,-1,WRITE",
        "22,-1,WRITE",
        "23,-1,WRITE",
        "8,0,DIAGNOSTIC",
        "8,1,CONTROL",
        "8,4,CONTROL",
        "8,10,DIAGNOSTIC",
        "7,-1,DIAGNOSTIC",
        "11,-1,DIAGNOSTIC",
        "12,-1,DIAGNOSTIC",
        "17,-1,DIAGNOSTIC",
        "43,14,DISCOVERY",
        "43,13,DIAGNOSTIC",
        "99,-1,DIAGNOSTIC"
    })
    void everyFunctionCodeHasItsAccessKind(int fc, int detail, AccessKind kind) {
        assertThat(ModbusFunctionNames.access(fc, detail)).isEqualTo(kind);
    }

    @Test
    void diagnosticsRestartCommunicationsIsControl_section6_8_1() {
        MessageSummary s = one("00010000000601080001ff00", Direction.REQUEST);
        assertThat(s.access()).isEqualTo(AccessKind.CONTROL);
    }

    @Test
    void everyPrefixOfAValidFrameNeedsMore() {
        byte[] frame = HEX.parseHex(WRITE_COILS_REQUEST);
        for (int n = 0; n < frame.length; n++) {
            var d = new ModbusDissector(ModbusLimits.SENSOR).next(ByteBuffer.wrap(frame, 0, n), Direction.REQUEST);
            assertThat(d).as("prefix of %d bytes", n).isInstanceOf(Dissection.NeedMore.class);
        }
    }

    @Test
    void twoFramesAtEveryChunkSplitGiveTheSameTwoMessages() {
        byte[] two = HEX.parseHex(WRITE_COILS_REQUEST + WRITE_COILS_REQUEST);
        for (int segment = 1; segment <= two.length; segment++) {
            var feeder = new StreamFeeder(factory.newDissector(), Direction.REQUEST);
            feeder.feedInSegments(two, segment);
            assertThat(feeder.messages).as("segments of %d", segment).hasSize(2);
            assertThat(feeder.anomalies).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MBAP length 0,             000100000000,                     mbap_length_too_short",
        "MBAP length 1,             00010000000101,                   mbap_length_too_short",
        "MBAP length 1026,          000100000402010300000001,         mbap_length_too_long",
        "MBAP length 65535,         00010000ffff0103,                 mbap_length_too_long",
        "protocol id 1,             000100010006010300000001,         mbap_protocol_id_not_zero",
        "length longer than bytes,  0001000000080103000000010000ffff, modbus_trailing_bytes",
        "length shorter than PDU,   00010000000401030000,             modbus_truncated",
    })
    void malformedHeadersSentAsOneByteSegmentsEndInAnAnomalyWithBoundedMemory(String name, String hex, String code) {
        byte[] bad = HEX.parseHex(hex);
        byte[] good = HEX.parseHex(WRITE_COILS_REQUEST);
        byte[] stream = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, stream, 0, bad.length);
        System.arraycopy(good, 0, stream, bad.length, good.length);
        var feeder = new StreamFeeder(factory.newDissector(), Direction.REQUEST);
        feeder.feedInSegments(stream, 1);
        List<String> codes = new java.util.ArrayList<>(
                feeder.anomalies.stream().map(a -> a.code()).toList());
        feeder.messages.forEach(m -> m.anomalies().forEach(a -> codes.add(a.code())));
        assertThat(codes).as(name).contains(code);
        assertThat(feeder.maxHeld).isLessThanOrEqualTo(ModbusLimits.SENSOR.maxAdu());
        assertThat(feeder.stopped).isFalse();
    }

    @Test
    void anMbapLength255IsFramedAndFlaggedAsAboveTheSpecification_TcpGuide3_1_3() {
        // Schneider UMAS (FC 90) sends such frames; modbus__ITI__modicon_test.pcap frame 19 is one.
        byte[] frame = new byte[6 + 255];
        frame[1] = 7;
        frame[5] = (byte) 0xFF;
        frame[7] = 0x5A;
        var feeder = new StreamFeeder(factory.newDissector(), Direction.REQUEST);
        feeder.feedInSegments(frame, 1);
        assertThat(feeder.messages).hasSize(1);
        assertThat(feeder.messages.getFirst().function()).isEqualTo(90);
        assertThat(feeder.messages.getFirst().anomalies())
                .extracting(a -> a.code())
                .contains("mbap_length_above_spec", "modbus_unknown_function");
    }

    @Test
    void afterGarbageTheDissectorResynchronisesOnTheNextHeader() {
        byte[] stream = HEX.parseHex("ffffffffffffffffffffffff" + WRITE_COILS_REQUEST);
        var feeder = new StreamFeeder(factory.newDissector(), Direction.REQUEST);
        feeder.feed(stream);
        assertThat(feeder.messages).hasSize(1);
        assertThat(feeder.anomalies).isNotEmpty();
    }

    @Test
    void theProbeRecognisesModbusByContentOnAnyPortAndByPortAlone() {
        var frame = ByteBuffer.wrap(HEX.parseHex(WRITE_COILS_REQUEST));
        assertThat(factory.probe(frame, 5020)).isEqualTo(Confidence.CONTENT);
        assertThat(frame.position()).isZero();
        assertThat(factory.probe(ByteBuffer.wrap(HEX.parseHex("0300001602f080")), 502))
                .isEqualTo(Confidence.PORT_ONLY);
        assertThat(factory.probe(ByteBuffer.wrap(HEX.parseHex("0300001602f08032010000")), 102))
                .isEqualTo(Confidence.NO);
    }
}
