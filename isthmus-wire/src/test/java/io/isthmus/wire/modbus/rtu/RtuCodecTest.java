package io.isthmus.wire.modbus.rtu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtuCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest(name = "CRC of {0} is {1}")
    @CsvSource({
        // Serial Line guide V1.02 appendix B and the reference check value of CRC-16/MODBUS
        "01 03 00 00 00 0A, CDC5",
        "313233343536373839, 4B37",
        "02 07, 1241"
    })
    void crc16ModbusMatchesPublishedVectors(String data, String crc) {
        assertThat(Crc16.of(hex(data))).isEqualTo(Integer.parseInt(crc, 16));
    }

    @Test
    void encodingAppendsTheCrcLowByteFirst() {
        byte[] adu = RtuCodec.encode(new RtuFrame(1, hex("03 00 00 00 0A")));
        assertThat(adu).isEqualTo(hex("01 03 00 00 00 0A C5 CD"));
    }

    @Test
    void aReadHoldingRegistersRequestDecodesFromItsEightBytes() {
        var d = RtuCodec.decodeRequest(ByteBuffer.wrap(hex("01 03 00 00 00 0A C5 CD")));
        assertThat(d).isEqualTo(new RtuDecode.Complete(new RtuFrame(1, hex("03 00 00 00 0A")), 8));
    }

    @Test
    void aRegisterResponseIsFramedByItsByteCount() {
        byte[] adu = RtuCodec.encode(new RtuFrame(17, hex("03 04 00 01 00 02")));
        assertThat(adu).hasSize(9);
        for (int split = 0; split < adu.length; split++) {
            var head = RtuCodec.decodeResponse(ByteBuffer.wrap(adu, 0, split).slice());
            assertThat(head).as("split at %d", split).isInstanceOf(RtuDecode.NeedMore.class);
        }
        byte[] withTrailer = new byte[adu.length + 3];
        System.arraycopy(adu, 0, withTrailer, 0, adu.length);
        var d = (RtuDecode.Complete) RtuCodec.decodeResponse(ByteBuffer.wrap(withTrailer));
        assertThat(d.consumed()).isEqualTo(9);
        assertThat(d.frame().unitId()).isEqualTo(17);
    }

    @Test
    void anExceptionResponseIsFiveBytes() {
        byte[] adu = RtuCodec.encode(new RtuFrame(1, hex("83 02")));
        var d = (RtuDecode.Complete) RtuCodec.decodeResponse(ByteBuffer.wrap(adu));
        assertThat(d.consumed()).isEqualTo(5);
        assertThat(d.frame().pdu()).isEqualTo(hex("83 02"));
    }

    @Test
    void aCorruptedByteIsACrcMismatchNamingBothValues() {
        byte[] adu = hex("01 03 00 00 00 0B C5 CD");
        var m = (RtuDecode.Malformed) RtuCodec.decodeRequest(ByteBuffer.wrap(adu));
        assertThat(m.error()).isEqualTo(RtuError.CRC_MISMATCH);
        assertThat(m.actual()).isEqualTo(0xCDC5);
        assertThat(m.expected()).isNotEqualTo(0xCDC5);
        assertThat(m.offset()).isEqualTo(6);
        assertThat(m.reason()).contains("0xCDC5");
    }

    @Test
    void aFunctionWithoutKnownLengthCannotBeFramed() {
        var m = (RtuDecode.Malformed) RtuCodec.decodeResponse(ByteBuffer.wrap(hex("01 41 00")));
        assertThat(m.error()).isEqualTo(RtuError.UNFRAMEABLE_FUNCTION);
    }

    @Test
    void aByteCountPastTheRtuFrameIsRejectedBeforeWaiting() {
        var m = (RtuDecode.Malformed) RtuCodec.decodeResponse(ByteBuffer.wrap(hex("01 03 FF")));
        assertThat(m.error()).isEqualTo(RtuError.LENGTH_TOO_LONG);
    }

    @Test
    void decodingDoesNotMoveTheBuffer() {
        var in = ByteBuffer.wrap(hex("01 03 00 00 00 0A C5 CD"));
        RtuCodec.decodeRequest(in);
        assertThat(in.position()).isZero();
    }
}
