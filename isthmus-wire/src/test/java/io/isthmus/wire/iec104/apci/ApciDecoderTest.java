package io.isthmus.wire.iec104.apci;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IEC 60870-5-104 clause 5: start octet, length, and the I/S/U control field formats. */
class ApciDecoderTest {

    private static ApduDecoding decode(String annotatedHex) {
        return ApciDecoder.decode(ByteBuffer.wrap(hex(annotatedHex)), ApciDecoder.MAX_LENGTH);
    }

    @Test
    void anIFormatControlFieldCarriesFifteenBitSendAndReceiveSequenceNumbers() {
        // iec104__ITI__090813_diverse.pcap frame 9: C_SC_TA_1 activation, N(S)=20, N(R)=78.
        ApduDecoding.Apdu a =
                (ApduDecoding.Apdu) decode("68 15 | 28 00 9c 00 | 3a 01 06 00 03 00 95 11 00 81 08 00 17 13 0d 08 6d");
        assertThat(a.apci()).isEqualTo(new Apci.IFormat(20, 78));
        assertThat(a.asduOffset()).isEqualTo(6);
        assertThat(a.asduLength()).isEqualTo(17);
        assertThat(a.consumed()).isEqualTo(23);
        assertThat(new Apci.IFormat(0x7FFF, 0x7FFF))
                .isEqualTo(((ApduDecoding.Apdu) decode("68 0a fe ff fe ff 00 00 00 00 00 00")).apci());
    }

    @Test
    void anSFormatFrameAcknowledgesWithAReceiveSequenceNumber() {
        // iec104__ITI__090813_diverse.pcap frame 7.
        assertThat(((ApduDecoding.Apdu) decode("68 04 01 00 9c 00")).apci()).isEqualTo(new Apci.SFormat(78));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "07, STARTDT_ACT",
        "0b, STARTDT_CON",
        "13, STOPDT_ACT",
        "23, STOPDT_CON",
        "43, TESTFR_ACT",
        "83, TESTFR_CON"
    })
    void theSixUFormatFunctionsAreKeyedByTheirControlOctet(String control, UFunction function) {
        ApduDecoding.Apdu a = (ApduDecoding.Apdu) decode("68 04 " + control + " 00 00 00");
        assertThat(a.apci()).isEqualTo(new Apci.UFormat(function, Integer.parseInt(control, 16)));
    }

    @Test
    void everyPrefixOfAnApduAsksForTheMissingBytes() {
        byte[] apdu = hex("68 0e 3c 00 bc 00 64 01 06 00 03 00 00 00 00 14");
        for (int n = 0; n < apdu.length; n++) {
            ApduDecoding d = ApciDecoder.decode(ByteBuffer.wrap(apdu, 0, n).slice(), ApciDecoder.MAX_LENGTH);
            assertThat(d).as("prefix %d", n).isInstanceOf(ApduDecoding.NeedMore.class);
            assertThat(((ApduDecoding.NeedMore) d).bytes()).isBetween(1, apdu.length - n);
        }
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"00", "01", "02", "03", "fe", "ff"})
    void lengthsOutsideFourTo253AreInvalid(String length) {
        ApduDecoding.Invalid i = (ApduDecoding.Invalid) decode("68 " + length + " 07 00 00 00");
        assertThat(i.error()).isEqualTo(ApciError.LENGTH_INVALID);
        assertThat(i.skip()).isEqualTo(1);
    }

    @Test
    void aTighterLimitRejectsLongerApdus() {
        ApduDecoding d = ApciDecoder.decode(ByteBuffer.wrap(hex("68 10")), 12);
        assertThat(((ApduDecoding.Invalid) d).error()).isEqualTo(ApciError.LENGTH_INVALID);
    }

    @Test
    void bytesBeforeTheStartOctetAreSkippedToTheNext0x68() {
        // iec104__ITI__TestDissectIec104.pcap frame 23: five 0x05 octets before an APDU.
        ApduDecoding.Invalid i = (ApduDecoding.Invalid) decode("05 05 05 05 05 68 03 15 15 15 15");
        assertThat(i.error()).isEqualTo(ApciError.START_MISSING);
        assertThat(i.skip()).isEqualTo(5);
    }

    @Test
    void aUFormatWithSeveralFunctionBitsIsInvalid() {
        ApduDecoding.Invalid i = (ApduDecoding.Invalid) decode("68 04 17 00 00 00");
        assertThat(i.error()).isEqualTo(ApciError.U_FUNCTION_INVALID);
        assertThat(i.skip()).isEqualTo(6);
    }

    @Test
    void sAndUFormatsLongerThanTheirControlFieldAreInvalid() {
        // iec104__ITI__TestDissectIec104.pcap frame 71: an S-format APDU of length 6.
        ApduDecoding.Invalid s = (ApduDecoding.Invalid) decode("68 06 19 19 19 19 19 19");
        assertThat(s.error()).isEqualTo(ApciError.FORMAT_LENGTH_MISMATCH);
        assertThat(s.skip()).isEqualTo(8);
    }

    @Test
    void decodingDoesNotMoveTheBuffer() {
        ByteBuffer data = ByteBuffer.wrap(hex("00 68 04 43 00 00 00"));
        data.position(1);
        assertThat(ApciDecoder.decode(data, 253)).isInstanceOf(ApduDecoding.Apdu.class);
        assertThat(data.position()).isEqualTo(1);
    }

    @Test
    void aHeaderIsRecognisedOnlyWithConsistentLengthAndControlField() {
        assertThat(ApciDecoder.isHeader(ByteBuffer.wrap(hex("68 04 07 00 00 00"))))
                .isTrue();
        assertThat(ApciDecoder.isHeader(ByteBuffer.wrap(hex("68 04 01 00 9c 00"))))
                .isTrue();
        assertThat(ApciDecoder.isHeader(ByteBuffer.wrap(hex("68 0e 3c 00 bc 00 64 01"))))
                .isTrue();
        assertThat(ApciDecoder.isHeader(ByteBuffer.wrap(hex("68 04 17 00 00 00"))))
                .isFalse();
        assertThat(ApciDecoder.isHeader(ByteBuffer.wrap(hex("68 06 07 00 00 00"))))
                .isFalse();
        assertThat(ApciDecoder.isHeader(ByteBuffer.wrap(hex("68 04 00 00 00 00"))))
                .isFalse();
        assertThat(ApciDecoder.isHeader(ByteBuffer.wrap(hex("68 04 07")))).isFalse();
    }
}
