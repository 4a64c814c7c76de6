package io.isthmus.wire.s7;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.s7.S7Vectors.Vector;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** S7comm, COTP and S7comm-plus summaries from real frames, and the stream contract. */
class S7DissectorTest {

    private final Dissector dissector = new S7commDissectorFactory().newDissector();

    private Dissection next(Vector v, Direction hint) {
        return dissector.next(ByteBuffer.wrap(v.bytes()), hint);
    }

    private MessageSummary only(Vector v, Direction hint) {
        var d = (Dissection.Messages) next(v, hint);
        assertThat(d.consumed()).isEqualTo(v.bytes().length);
        assertThat(d.messages()).hasSize(1);
        return d.messages().getFirst();
    }

    private static String attribute(MessageSummary s, String name) {
        return s.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(Attribute::value)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> attributes(MessageSummary s, String name) {
        return s.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(Attribute::value)
                .toList();
    }

    @Test
    void setupCommunicationJobIsADiagnosticRequestNegotiatingThePduSize() {
        var s = only(S7Vectors.SETUP_JOB, Direction.REQUEST);
        assertThat(s.protocol()).isEqualTo(Protocol.S7COMM);
        assertThat(s.direction()).isEqualTo(Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0xF0);
        assertThat(s.functionName()).isEqualTo("Setup Communication");
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(s.transaction()).isEqualTo(OptionalLong.of(0));
        assertThat(attribute(s, "rosctr")).isEqualTo("job");
        assertThat(attribute(s, "s7_pdu_length")).isEqualTo("480");
    }

    @Test
    void ackDataIsAResponseWhateverTheHint() {
        var s = only(S7Vectors.SETUP_ACK, Direction.REQUEST);
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(attribute(s, "rosctr")).isEqualTo("ack_data");
        assertThat(s.status()).isEmpty();
    }

    @Test
    void readVarJobListsItsS7AnyItemsAndTheirCount() {
        var s = only(S7Vectors.READ_VAR_JOB, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x04);
        assertThat(s.access()).isEqualTo(AccessKind.READ);
        assertThat(s.address()).isEqualTo(OptionalLong.of(0));
        assertThat(s.quantity()).isEqualTo(OptionalLong.of(5));
        assertThat(attributes(s, "s7_item"))
                .containsExactly(
                        "M 0.0 BYTE[16]", "I 0.0 BYTE[16]", "Q 0.0 BYTE[16]", "T 0.0 TIMER[8]", "C 0.0 COUNTER[8]");
    }

    @Test
    void readVarAckDataWithAllItemsSuccessfulHasNoStatus() {
        var s = only(S7Vectors.READ_VAR_ACK, Direction.RESPONSE);
        assertThat(s.access()).isEqualTo(AccessKind.READ);
        assertThat(s.status()).isEmpty();
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void writeVarJobIsAWriteAndItsAckReportsTheItemsThatFailed() {
        assertThat(only(S7Vectors.WRITE_VAR_JOB, Direction.REQUEST).access()).isEqualTo(AccessKind.WRITE);
        var ack = only(S7Vectors.WRITE_VAR_ACK, Direction.RESPONSE);
        assertThat(ack.status()).contains("Accessing the object not allowed");
        assertThat(attribute(ack, "s7_items_failed")).isEqualTo("2");
    }

    @Test
    void plcStopIsControl() {
        var s = only(S7Vectors.PLC_STOP, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x29);
        assertThat(s.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(attribute(s, "s7_pi_service")).isEqualTo("P_PROGRAM");
    }

    @Test
    void plcControlWithPProgramAndArgumentCIsAColdRestart() {
        var s = only(S7Vectors.COLD_RESTART, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x28);
        assertThat(s.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(attribute(s, "s7_pi_operation")).isEqualTo("cold restart");
    }

    @Test
    void plcControlDeleteOfABlockIsProgram() {
        var s = only(S7Vectors.DELETE_BLOCK, Direction.REQUEST);
        assertThat(s.access()).isEqualTo(AccessKind.PROGRAM);
        assertThat(attribute(s, "s7_pi_service")).isEqualTo("_DELE");
        assertThat(attribute(s, "s7_block")).isEqualTo("SDB 2000");
    }

    @Test
    void startUploadNamesTheBlockAndIsProgram() {
        var s = only(S7Vectors.START_UPLOAD, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x1D);
        assertThat(s.access()).isEqualTo(AccessKind.PROGRAM);
        assertThat(attribute(s, "s7_block_type")).isEqualTo("SDB");
        assertThat(attribute(s, "s7_block_number")).isEqualTo("0");
        assertThat(attribute(s, "s7_filesystem")).isEqualTo("A");
    }

    @Test
    void aDownloadBlockJobSentByThePlcIsStillARequest() {
        var s = only(S7Vectors.DOWNLOAD_BLOCK_FROM_PLC, Direction.RESPONSE);
        assertThat(s.direction()).isEqualTo(Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x1B);
        assertThat(attribute(s, "rosctr")).isEqualTo("job");
    }

    @Test
    void ackWithoutParameterCarriesTheErrorOfItsJob() {
        var s = only(S7Vectors.ACK_ERROR, Direction.RESPONSE);
        assertThat(s.function()).isEqualTo(0x0200);
        assertThat(s.transaction()).isEqualTo(OptionalLong.of(0x1500)); // snap7 counts PDU references little-endian
        assertThat(s.status()).contains("Unknown error class (0xD20C)");
    }

    @Test
    void setClockIsAUserdataWrite() {
        var s = only(S7Vectors.SET_CLOCK, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x7702);
        assertThat(s.functionName()).isEqualTo("Time functions: Set clock");
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
    }

    @Test
    void szlRequestNamesTheListAndIndex() {
        var s = only(S7Vectors.SZL_0011_REQUEST, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x7401);
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(attribute(s, "szl_id")).isEqualTo("0x0011");
        assertThat(attribute(s, "szl_index")).isEqualTo("0x0000");
    }

    @Test
    void szlModuleIdentificationGivesOrderNumberAndFirmware() {
        var s = only(S7Vectors.SZL_0011_RESPONSE, Direction.RESPONSE);
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(attribute(s, "order_number")).isEqualTo("6ES7 315-2EH14-0AB0");
        assertThat(attribute(s, "firmware")).isEqualTo("V3.2.7");
    }

    @Test
    void szlComponentIdentificationIsJoinedFromItsDataUnits() {
        var first = only(S7Vectors.SZL_001C_FIRST_UNIT, Direction.RESPONSE);
        assertThat(attribute(first, "s7_more_data_units")).isEqualTo("true");
        var last = only(S7Vectors.SZL_001C_LAST_UNIT, Direction.RESPONSE);
        assertThat(attribute(last, "szl_id")).isEqualTo("0x001C");
        assertThat(attribute(last, "system_name")).isEqualTo("S7300/ET200M station_1");
        assertThat(attribute(last, "module_name")).isEqualTo("PLC_1");
        assertThat(attribute(last, "serial_number")).isEqualTo("S C-B1U393142011");
        assertThat(attribute(last, "module_type_name")).isEqualTo("CPU 315-2 PN/DP");
        assertThat(attribute(last, "memory_card_serial_number")).isEqualTo("MMC 4A1AC019");
    }

    @Test
    void aLastDataUnitWhoseStartWasNeverSeenIsNotReadAsAnSzlHeader() {
        var s = only(S7Vectors.SZL_001C_LAST_UNIT, Direction.RESPONSE);
        assertThat(s.attributes()).extracting(Attribute::name).doesNotContain("szl_id");
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void cotpConnectionRequestNamesTsapsRackAndSlot() {
        var s = only(S7Vectors.CR, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0xE0);
        assertThat(s.functionName()).isEqualTo("COTP Connection Request");
        assertThat(attribute(s, "cotp_called_tsap")).isEqualTo("0102");
        assertThat(attribute(s, "s7_rack")).isEqualTo("0");
        assertThat(attribute(s, "s7_slot")).isEqualTo("2");
        assertThat(attribute(s, "cotp_tpdu_size")).isEqualTo("512");
        assertThat(only(S7Vectors.CC, Direction.RESPONSE).direction()).isEqualTo(Direction.RESPONSE);
    }

    @Test
    void iso8073Section13_7AnS7PduSplitOverTwoDataTpdusIsDecodedOnceWhole() {
        // the Setup Communication job of snap7_s300_everything frame 1, its 18 octets split 7 + 11
        var first = new Vector("first half", "0300000e02f000" + "32010000000000");
        var second = new Vector("second half", "0300001202f080" + "080000f0000001000101e0");
        assertThat(next(first, Direction.REQUEST)).isEqualTo(new Dissection.Messages(List.of(), 14));
        var s = only(second, Direction.REQUEST);
        assertThat(s.functionName()).isEqualTo("Setup Communication");
        assertThat(attribute(s, "s7_pdu_length")).isEqualTo("480");
    }

    @Test
    void anEmptyDataFragmentIsConsumedWithoutAMessage() {
        assertThat(next(S7Vectors.EMPTY_DT, Direction.REQUEST)).isEqualTo(new Dissection.Messages(List.of(), 7));
        assertThat(only(S7Vectors.SZL_0011_REQUEST, Direction.REQUEST).function())
                .isEqualTo(0x7401);
    }

    @Test
    void s7commPlusIsLabelledWithItsOwnProtocolVersionOpcodeAndFunction() {
        var s = only(S7Vectors.PLUS_CREATE_OBJECT, Direction.REQUEST);
        assertThat(s.protocol()).isEqualTo(Protocol.S7COMM_PLUS);
        assertThat(s.function()).isEqualTo(0x04CA);
        assertThat(s.functionName()).isEqualTo("CreateObject");
        assertThat(s.transaction()).isEqualTo(OptionalLong.of(1));
        assertThat(attribute(s, "s7p_version")).isEqualTo("V1");
        assertThat(attribute(s, "s7p_opcode")).isEqualTo("request");
        var r = only(S7Vectors.PLUS_SET_MULTI_RESPONSE, Direction.REQUEST);
        assertThat(r.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(r.access()).isEqualTo(AccessKind.WRITE);
    }

    static List<Vector> valid() {
        return S7Vectors.valid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void everyPrefixOfAValidFrameNeedsMoreAndTheWholeFrameIsConsumed(Vector v) {
        byte[] bytes = v.bytes();
        for (int n = 0; n < bytes.length; n++) {
            var d = new S7commDissectorFactory().newDissector().next(ByteBuffer.wrap(bytes, 0, n), Direction.REQUEST);
            assertThat(d).as("prefix %d of %d", n, bytes.length).isInstanceOf(Dissection.NeedMore.class);
            assertThat(((Dissection.NeedMore) d).bytes()).isBetween(1, bytes.length - n);
        }
        var whole = new S7commDissectorFactory().newDissector().next(ByteBuffer.wrap(bytes), Direction.REQUEST);
        assertThat(whole).isInstanceOfSatisfying(Dissection.Messages.class, m -> {
            assertThat(m.consumed()).isEqualTo(bytes.length);
            m.messages().forEach(s -> assertThat(s.anomalies()).isEmpty());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void aFrameAtAnOffsetInALargerBufferDecodesTheSameAndTheBufferIsNotMoved(Vector v) {
        byte[] bytes = v.bytes();
        byte[] padded = new byte[bytes.length + 10];
        Arrays.fill(padded, (byte) 0x55);
        System.arraycopy(bytes, 0, padded, 7, bytes.length);
        ByteBuffer view = ByteBuffer.wrap(padded, 7, bytes.length).slice().asReadOnlyBuffer();
        ByteBuffer shifted = ByteBuffer.wrap(padded, 7, bytes.length);
        var a = new S7commDissectorFactory().newDissector().next(view, Direction.REQUEST);
        var b = new S7commDissectorFactory().newDissector().next(shifted, Direction.REQUEST);
        assertThat(a).isEqualTo(b);
        assertThat(shifted.position()).isEqualTo(7);
        assertThat(shifted.limit()).isEqualTo(7 + bytes.length);
        assertThat(Optional.of(a)).containsInstanceOf(Dissection.Messages.class);
    }
}
