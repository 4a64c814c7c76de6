package io.isthmus.wire.s7.cotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CotpDecoderTest {

    /** Decodes the TPDU after the 4-octet TPKT header of {@code tpktHex}. */
    private static CotpDecode decode(String tpktHex) {
        byte[] bytes = HexFormat.of().parseHex(tpktHex);
        return CotpDecoder.decode(ByteBuffer.wrap(bytes), 4, bytes.length - 4);
    }

    private static CotpTpdu tpdu(String tpktHex) {
        return ((CotpDecode.Decoded) decode(tpktHex)).tpdu();
    }

    @Test
    void iso8073Section13_3ConnectionRequestCarriesTsapsAndTpduSize() {
        // s7comm_varservice_libnodavedemo.pcap frame 7: CR, calling 0100, called 0102 (PG, rack 0 slot 2), 2^9
        var cr = (CotpTpdu.Connection) tpdu("0300001611e00000000100c1020100c2020102c00109");
        assertThat(cr.type()).isEqualTo(CotpTpduType.CONNECTION_REQUEST);
        assertThat(cr.sourceReference()).isEqualTo(1);
        assertThat(cr.parameters().calling().orElseThrow().text()).isEqualTo("0100");
        assertThat(cr.parameters().called().orElseThrow().text()).isEqualTo("0102");
        assertThat(cr.parameters().called().orElseThrow().isS7Selector()).isTrue();
        assertThat(cr.parameters().tpduSize()).isEqualTo(OptionalInt.of(512));
    }

    @Test
    void iso8073Section13_4ConnectionConfirmEchoesTheReferences() {
        // s7comm_varservice_libnodavedemo.pcap frame 8
        var cc = (CotpTpdu.Connection) tpdu("0300001611d00001000300c00109c1020100c2020102");
        assertThat(cc.type()).isEqualTo(CotpTpduType.CONNECTION_CONFIRM);
        assertThat(cc.destinationReference()).isEqualTo(1);
        assertThat(cc.sourceReference()).isEqualTo(3);
    }

    @Test
    void s7commPlusConnectionRequestsUseTextualSimaticTsaps() {
        // S7-1511_db6w0_HMI.pcap frame 4
        var cr = (CotpTpdu.Connection) tpdu(
                "030000322de00000008200c110534e4f50434330303032303030303031c21053494d415449432d524f4f542d4f5448c0010a");
        assertThat(cr.parameters().called().orElseThrow().text()).isEqualTo("SIMATIC-ROOT-OTH");
        assertThat(cr.parameters().called().orElseThrow().isSimaticText()).isTrue();
        assertThat(cr.parameters().calling().orElseThrow().text()).isEqualTo("SNOPCC0002000001");
    }

    @Test
    void iso8073Section13_7DataTpduMarksTheEndOfTheTsdu() {
        var dt = (CotpTpdu.Data) tpdu("0300001902f08032010000000000080000f0000001000101e0");
        assertThat(dt.endOfTsdu()).isTrue();
        assertThat(dt.payloadOffset()).isEqualTo(7);
        assertThat(dt.payloadLength()).isEqualTo(18);
    }

    @Test
    void anEmptyDataTpduWithoutEndOfTsduIsAFragmentOfNothing() {
        // step7_s300_readDiagData.pcapng frame 3: Step 7 sends these between requests
        var dt = (CotpTpdu.Data) tpdu("0300000702f000");
        assertThat(dt.endOfTsdu()).isFalse();
        assertThat(dt.payloadLength()).isZero();
    }

    @Test
    void disconnectRequestCarriesAReason() {
        var dr = (CotpTpdu.Disconnect) tpdu("0300000b06800001000280");
        assertThat(dr.type()).isEqualTo(CotpTpduType.DISCONNECT_REQUEST);
        assertThat(dr.reason()).isEqualTo(0x80);
    }

    @Test
    void tpduErrorCarriesTheRejectCause() {
        var er = (CotpTpdu.Error) tpdu("03000009047000010300");
        assertThat(er.rejectCause()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "LI 0 is no header,                           030000070000f080, LENGTH_INDICATOR_INVALID",
        "LI 255 is reserved (section 13.2.1),          03000008fff08000, LENGTH_INDICATOR_INVALID",
        "LI beyond the TPKT,                           0300000710f080, LENGTH_INDICATOR_INVALID",
        "CR with LI shorter than its fixed part,       0300000904e0000000, HEADER_TRUNCATED",
        "CR parameter longer than the header,          0300000e09e00000000100c110aa, PARAMETER_TRUNCATED",
        "parameter header cut by the end of the header, 0300000c07e00000000100c1, PARAMETER_TRUNCATED"
    })
    void malformedTpdusAreInvalidWithTheOffendingField(String why, String hex, CotpError error) {
        assertThat(decode(hex))
                .isInstanceOfSatisfying(
                        CotpDecode.Invalid.class, i -> assertThat(i.error()).isEqualTo(error));
    }

    @Test
    void theDataShortcutAcceptsExactlyTheDataTpdusDecodeAccepts() {
        // every LI and code octet, EOT set and clear, TPDUs of 0 to 4 octets after the TPKT header
        int checked = 0;
        for (int length = 0; length <= 4; length++) {
            for (int li = 0; li < 256; li++) {
                for (int code = 0; code < 256; code++) {
                    for (int nr : new int[] {0x00, 0x81}) {
                        byte[] b = new byte[4 + length];
                        int[] tpdu = {li, code, nr, 0};
                        for (int i = 0; i < length; i++) {
                            b[4 + i] = (byte) tpdu[i];
                        }
                        int header = CotpDecoder.dataHeaderLength(b, 4, length);
                        if (CotpDecoder.decode(ByteBuffer.wrap(b), 4, length) instanceof CotpDecode.Decoded d
                                && d.tpdu() instanceof CotpTpdu.Data data) {
                            assertThat(header).isEqualTo(data.payloadOffset() - 4);
                            assertThat(CotpDecoder.endOfTsdu(b, 4)).isEqualTo(data.endOfTsdu());
                            checked++;
                        } else {
                            assertThat(header).isEqualTo(-1);
                        }
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }
}
