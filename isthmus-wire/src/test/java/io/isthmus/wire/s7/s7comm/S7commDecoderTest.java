package io.isthmus.wire.s7.s7comm;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Read/Write Var jobs kept decoded by their parameter octets, and shared one-item responses. */
class S7commDecoderTest {

    private final S7commDecoder decoder = new S7commDecoder(128, 256, 64, 65_536);

    /** A job PDU (header of 10 octets, no data) with this parameter, placed at {@code offset}. */
    private static ByteBuffer job(int reference, byte[] parameter, int offset) {
        ByteBuffer b = ByteBuffer.allocate(offset + 10 + parameter.length + 3);
        b.position(offset);
        b.put((byte) 0x32).put((byte) 1).putShort((short) 0).putShort((short) reference);
        b.putShort((short) parameter.length).putShort((short) 0).put(parameter);
        return b;
    }

    private static S7Decode.Decoded decode(S7commDecoder decoder, byte[] parameter, int offset) {
        ByteBuffer b = job(1, parameter, offset);
        return (S7Decode.Decoded) decoder.decode(b, offset, 10 + parameter.length);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** Read Var of DB1 16.0 BYTE[4] (snap7_s300_everything.pcapng). */
    private static final byte[] READ_DB1 = hex("0401 120a10020004000184000080");

    @Test
    void theSameReadVarParameterIsOneSharedRequest() {
        var first = decode(decoder, READ_DB1, 0);
        var again = decode(new S7commDecoder(128, 256, 64, 65_536), READ_DB1, 7);

        assertThat(again.message()).isSameAs(first.message());
        assertThat(first.message())
                .isEqualTo(new S7Message.VarRequest(
                        S7Function.READ_VAR,
                        1,
                        List.of(new VarItem.S7Any(S7TransportSize.BYTE, 2, 4, 1, S7Area.DATA_BLOCKS, 16, 0))));
        assertThat(again.anomalies()).isEmpty();
    }

    @Test
    void aKeptRequestIsNotUsedByADecoderWhoseItemLimitItsCountExceeds() {
        byte[] two = hex("0402 120a10020004000184000080 120a10020002000284000000");
        var kept = decode(decoder, two, 0);
        var limited = decode(new S7commDecoder(1, 256, 64, 65_536), two, 0);

        assertThat(kept.anomalies()).isEmpty();
        assertThat(limited.anomalies()).extracting(Anomaly::code).containsExactly("s7_item_count_exceeds_limit");
        assertThat(((S7Message.VarRequest) limited.message()).items()).hasSize(1);
        assertThat(decode(decoder, two, 3).message()).isSameAs(kept.message());
    }

    @Test
    void aParameterWithAnAnomalyIsDecodedAfreshEachTime() {
        byte[] broken = hex("0402 120a10020004000184000080 ff0a10020002000284000000");
        var first = decode(decoder, broken, 0);
        var again = decode(decoder, broken, 0);

        assertThat(first.anomalies()).extracting(Anomaly::code).containsExactly("s7_item_spec_invalid");
        assertThat(again.anomalies()).isEqualTo(first.anomalies());
        assertThat(again.message()).isEqualTo(first.message()).isNotSameAs(first.message());
    }

    @Test
    void manyDistinctParametersInRandomOrderEachDecodeToTheirOwnItems() {
        // ten times the kept slots, one to five items each, decoded five times in random order at
        // random offsets: every decode gives the items the octets say (a hit needs equal octets)
        Random random = new Random(1127);
        List<byte[]> parameters = new ArrayList<>();
        List<S7Message.VarRequest> expected = new ArrayList<>();
        for (int p = 0; p < 2_560; p++) {
            int n = 1 + random.nextInt(5);
            ByteBuffer parameter = ByteBuffer.allocate(2 + 12 * n);
            boolean write = random.nextBoolean();
            parameter.put((byte) (write ? 0x05 : 0x04)).put((byte) n);
            List<VarItem> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int count = random.nextInt(1 << 16);
                int db = random.nextInt(1 << 16);
                int address = random.nextInt(1 << 19);
                int bit = random.nextInt(8);
                int bits = address << 3 | bit;
                parameter.put((byte) 0x12).put((byte) 0x0a).put((byte) 0x10).put((byte) 0x02);
                parameter.putShort((short) count).putShort((short) db).put((byte) 0x84);
                parameter.put((byte) (bits >> 16)).putShort((short) bits);
                items.add(new VarItem.S7Any(S7TransportSize.BYTE, 2, count, db, S7Area.DATA_BLOCKS, address, bit));
            }
            parameters.add(parameter.array());
            expected.add(new S7Message.VarRequest(write ? S7Function.WRITE_VAR : S7Function.READ_VAR, n, items));
        }
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < parameters.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, random);
        for (int i : order) {
            var d = decode(decoder, parameters.get(i), random.nextInt(9));
            assertThat(d.message()).isEqualTo(expected.get(i));
            assertThat(d.anomalies()).isEmpty();
        }
    }

    @Test
    void aOneItemResponseIsOneSharedValuePerFunctionAndReturnCode() {
        // ack_data: header of 12 octets, parameter 04 01, data: return code, size, length, value
        ByteBuffer b = ByteBuffer.wrap(hex("3203 0000 0001 0002 0006 0000 0401 ff040008 2a00"));
        ByteBuffer failed = ByteBuffer.wrap(hex("3203 0000 0001 0002 0004 0000 0401 0a000000"));
        var success = (S7Message.VarResponse) ((S7Decode.Decoded) decoder.decode(b, 0, b.limit())).message();
        var again = (S7Message.VarResponse) ((S7Decode.Decoded) decoder.decode(b, 0, b.limit())).message();
        var notFound = (S7Message.VarResponse) ((S7Decode.Decoded) decoder.decode(failed, 0, failed.limit())).message();

        assertThat(again).isSameAs(success);
        assertThat(success).isEqualTo(new S7Message.VarResponse(S7Function.READ_VAR, 1, List.of(S7ReturnCode.SUCCESS)));
        assertThat(notFound)
                .isEqualTo(
                        new S7Message.VarResponse(S7Function.READ_VAR, 1, List.of(S7ReturnCode.OBJECT_DOES_NOT_EXIST)));
    }

    @Test
    void summariesOfAKeptJobShareOneAttributeListThatDescribesTheJob() {
        S7commDecoder other = new S7commDecoder(128, 256, 64, 65_536);
        assertThat(decoder.read(job(1, READ_DB1, 0), 0, 10 + READ_DB1.length)).isTrue();
        var first = S7commSummary.of(decoder, Direction.REQUEST);
        assertThat(other.read(job(2, READ_DB1, 5), 5, 10 + READ_DB1.length)).isTrue();
        var again = S7commSummary.of(other, Direction.REQUEST);
        var fromRecord =
                S7commSummary.of(decode(new S7commDecoder(128, 256, 64, 65_536), READ_DB1, 3), Direction.REQUEST);

        assertThat(again.attributes()).isSameAs(first.attributes());
        assertThat(again.transaction()).hasValue(2);
        assertThat(List.copyOf(again.attributes()))
                .isEqualTo(List.copyOf(fromRecord.attributes()))
                .containsExactly(new Attribute("rosctr", "job"), new Attribute("s7_item", "DB1 16.0 BYTE[4]"));
    }

    @Test
    void varResponsesWithoutAFailedItemShareOneAttributeListAndAFailureIsTheStatus() {
        ByteBuffer one = ByteBuffer.wrap(hex("3203 0000 0001 0002 0006 0000 0401 ff040008 2a00"));
        ByteBuffer two = ByteBuffer.wrap(hex("3203 0000 0002 0002 000b 0000 0402 ff0400082a00 ff0400082b"));
        ByteBuffer failed = ByteBuffer.wrap(hex("3203 0000 0003 0002 0004 0000 0401 0a000000"));
        var single = responseSummary(one);
        var pair = responseSummary(two);
        var notFound = responseSummary(failed);

        assertThat(pair.attributes()).isSameAs(single.attributes());
        assertThat(List.copyOf(single.attributes())).containsExactly(new Attribute("rosctr", "ack_data"));
        assertThat(single.status()).isEmpty();
        assertThat(notFound.status()).hasValue(S7ReturnCode.OBJECT_DOES_NOT_EXIST.displayName());
        assertThat(List.copyOf(notFound.attributes()))
                .containsExactly(new Attribute("rosctr", "ack_data"), new Attribute("s7_items_failed", "1"));
    }

    @Test
    void summariesOfASharedResponseShareItsPartsAndKeepTheirOwnReferenceAndHeaderError() {
        // the same failed one-item response twice, then with error class 0x81 code 0x04 in its header
        ByteBuffer first = ByteBuffer.wrap(hex("3203 0000 0007 0002 0004 0000 0401 0a000000"));
        ByteBuffer second = ByteBuffer.wrap(hex("3203 0000 0008 0002 0004 0000 0401 0a000000"));
        ByteBuffer error = ByteBuffer.wrap(hex("3203 0000 0009 0002 0004 8104 0401 0a000000"));
        var a = responseSummary(first);
        var b = responseSummary(second);
        var d = (S7Decode.Decoded) decoder.decode(error, 0, error.limit());
        var withError = responseSummary(error);

        assertThat(b.attributes()).isSameAs(a.attributes());
        assertThat(b.status()).isSameAs(a.status()).hasValue(S7ReturnCode.OBJECT_DOES_NOT_EXIST.displayName());
        assertThat(a.transaction()).hasValue(7);
        assertThat(b.transaction()).hasValue(8);
        assertThat(withError).isEqualTo(S7commSummary.of(d, Direction.RESPONSE));
        assertThat(withError.status()).hasValue(S7ErrorClass.of(0x81).displayName() + " (0x8104)");
        assertThat(withError.attributes()).isSameAs(a.attributes());
    }

    @Test
    void aMultiItemResponseWhoseItemsAllSucceededIsOneSharedValuePerFunctionAndCount() {
        ByteBuffer two = ByteBuffer.wrap(hex("3203 0000 0001 0002 000b 0000 0402 ff0400082a00 ff0400082b"));
        ByteBuffer writes = ByteBuffer.wrap(hex("3203 0000 0002 0002 0003 0000 0503 ffffff"));
        ByteBuffer oneFailed = ByteBuffer.wrap(hex("3203 0000 0003 0002 0003 0000 0503 ff0aff"));
        ByteBuffer none = ByteBuffer.wrap(hex("3203 0000 0004 0002 0000 0000 0400"));

        var read = message(two);
        assertThat(message(two)).isSameAs(read);
        assertThat(read)
                .isEqualTo(new S7Message.VarResponse(
                        S7Function.READ_VAR, 2, List.of(S7ReturnCode.SUCCESS, S7ReturnCode.SUCCESS)));
        assertThat(message(writes)).isSameAs(message(writes)).isNotSameAs(read);
        assertThat(message(writes))
                .isEqualTo(new S7Message.VarResponse(
                        S7Function.WRITE_VAR,
                        3,
                        List.of(S7ReturnCode.SUCCESS, S7ReturnCode.SUCCESS, S7ReturnCode.SUCCESS)));
        assertThat(message(oneFailed))
                .isEqualTo(new S7Message.VarResponse(
                        S7Function.WRITE_VAR,
                        3,
                        List.of(S7ReturnCode.SUCCESS, S7ReturnCode.OBJECT_DOES_NOT_EXIST, S7ReturnCode.SUCCESS)));
        assertThat(message(none)).isEqualTo(new S7Message.VarResponse(S7Function.READ_VAR, 0, List.of()));
    }

    private S7Message message(ByteBuffer pdu) {
        var d = (S7Decode.Decoded) decoder.decode(pdu, 0, pdu.limit());
        assertThat(d.anomalies()).isEmpty();
        return d.message();
    }

    @Test
    void readInPlaceGivesWhatDecodeGivesAndTheSameSummary() {
        Random random = new Random(102);
        int[] rosctrs = {1, 2, 3, 7, 7, 5};
        int[] functions = {0x04, 0x05, 0xF0, 0x28, 0x29, 0x1A, 0x1D, 0x00};
        S7commDecoder decoding = new S7commDecoder(4, 256, 64, 65_536);
        S7commDecoder reading = new S7commDecoder(4, 256, 64, 65_536);
        int decoded = 0;
        for (int run = 0; run < 20_000; run++) {
            byte[] b = new byte[3 + random.nextInt(40)];
            random.nextBytes(b);
            int at = random.nextInt(3);
            int length = random.nextInt(b.length - at + 1);
            if (length >= 12 && random.nextInt(5) > 0) { // mostly a plausible header and parameter
                b[at] = 0x32;
                b[at + 1] = (byte) rosctrs[random.nextInt(rosctrs.length)];
                int header = b[at + 1] == 2 || b[at + 1] == 3 ? 12 : 10;
                int parameter = random.nextInt(length - header + 3);
                b[at + 6] = 0;
                b[at + 7] = (byte) parameter;
                b[at + 8] = 0;
                b[at + 9] = (byte) random.nextInt(Math.max(1, length - header - parameter + 3));
                if (length > header) {
                    b[at + header] = (byte) functions[random.nextInt(functions.length)];
                }
                if (length > header + 1 && random.nextBoolean()) {
                    b[at + header + 1] = (byte) random.nextInt(4);
                }
            }
            ByteBuffer buffer = ByteBuffer.wrap(b);
            S7Decode expected = decoding.decode(buffer, at, length);
            boolean read = reading.read(buffer, at, length);
            String why = HexFormat.of().formatHex(b, at, at + length);
            if (expected instanceof S7Decode.Decoded d) {
                assertThat(read).as(why).isTrue();
                assertThat(reading.message()).as(why).isEqualTo(d.message());
                assertThat(reading.anomalies()).as(why).isEqualTo(d.anomalies());
                var hint =
                        random.nextBoolean() ? io.isthmus.wire.Direction.REQUEST : io.isthmus.wire.Direction.RESPONSE;
                var inPlace = S7commSummary.of(reading, hint);
                var fromRecord = S7commSummary.of(d, hint);
                assertThat(inPlace).as(why).isEqualTo(fromRecord);
                assertThat(List.copyOf(inPlace.attributes())).as(why).isEqualTo(List.copyOf(fromRecord.attributes()));
                decoded++;
            } else {
                assertThat(read).as(why).isFalse();
                assertThat(reading.invalid()).as(why).isEqualTo(expected);
            }
        }
        assertThat(decoded).isBetween(2_000, 18_000); // both outcomes well covered (3,410 decoded)
    }

    /** Reads {@code pdu} in place (it must be accepted) and summarises it as a response. */
    private MessageSummary responseSummary(ByteBuffer pdu) {
        assertThat(decoder.read(pdu, 0, pdu.limit())).isTrue();
        return S7commSummary.of(decoder, Direction.RESPONSE);
    }
}
