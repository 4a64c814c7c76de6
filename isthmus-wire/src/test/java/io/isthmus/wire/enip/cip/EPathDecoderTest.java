package io.isthmus.wire.enip.cip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Padded EPATHs of CIP Volume 1 appendix C-1. */
class EPathDecoderTest {

    private static EPathDecode decode(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return EPathDecoder.decode(bytes, 0, bytes.length, 8);
    }

    private static EPath path(String hex) {
        return ((EPathDecode.Decoded) decode(hex)).path();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "8-bit class and instance (C-1.4.2),       20012401,         class 0x01 instance 1",
        "8-bit attribute,                          200124013007,     class 0x01 instance 1 attribute 7",
        "16-bit instance after a pad octet,        20f5250001 01,    class 0xF5 instance 257",
        "32-bit instance after a pad octet,        2067260078563412, class 0x67 instance 305419896",
        "port 1 link address 0 (C-1.4.1),          0100,             port 1 link 0",
        "port with an extended link address,       1208 31302e312e322e33, port 2 link 10.1.2.3",
        "symbolic segment (C-1.4.4),               63414243,         symbol ABC",
        "ANSI extended symbol data segment 0x91,   910454616731,     symbol Tag1",
        "ANSI extended symbol padded to even,      9103416263 00,    symbol Abc",
        "electronic key (C-1.4.2 special),         340401000c003a000403, electronic key",
        "simple data segment,                      80010102,         data 1 words"
    })
    void segmentsDecodeToTheirText(String what, String hex, String text) {
        assertThat(path(hex.replace(" ", "")).text()).isEqualTo(text);
    }

    @Test
    void theLastClassInstanceAndAttributeAreWhereTheRequestGoes() {
        EPath p = path("208e2401" + "20742401" + "3005");
        assertThat(p.classId()).isEqualTo(OptionalLong.of(0x74));
        assertThat(p.instanceId()).isEqualTo(OptionalLong.of(1));
        assertThat(p.attributeId()).isEqualTo(OptionalLong.of(5));
        assertThat(p.symbol()).isEmpty();
    }

    @Test
    void symbolicMembersJoinWithDots() {
        assertThat(path("910450726f67" + "9104546167 31".replace(" ", "")).symbol())
                .contains("Prog.Tag1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "logical segment with reserved format 3,        2301,          PATH_SEGMENT_INVALID",
        "16-bit instance cut off,                       2501 00,       PATH_SEGMENT_INVALID",
        "symbol longer than the path,                   6a4142,        PATH_SEGMENT_INVALID",
        "ANSI symbol longer than the path,              91ff41,        PATH_SEGMENT_INVALID",
        "reserved segment type 7,                       e000,          PATH_SEGMENT_INVALID",
        "more segments than the limit,                  200120012001200120012001200120012001, PATH_TOO_MANY_SEGMENTS"
    })
    void invalidPathsKeepWhatWasDecodedBeforeTheDamage(String what, String hex, CipError error) {
        assertThat(decode(hex.replace(" ", "")))
                .isInstanceOfSatisfying(
                        EPathDecode.Invalid.class, i -> assertThat(i.error()).isEqualTo(error));
    }
}
