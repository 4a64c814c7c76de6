package io.isthmus.wire.enip.cip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.ValueText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
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

    @Test
    void aShortPathDecodedAgainIsTheSamePathWithTheSameTexts() {
        EPath first = path("200124013007");
        EPath again = path("200124013007");
        EPath unshared = new EPath(first.segments());

        assertThat(again).isSameAs(first).isEqualTo(unshared);
        assertThat(first.isShared()).isTrue();
        assertThat(unshared.isShared()).isFalse();
        assertThat(written(first)).isEqualTo(written(unshared)).isEqualTo("class 0x01 instance 1 attribute 7");
        assertThat(first.requestText(0x0E))
                .isEqualTo(unshared.requestText(0x0E))
                .isEqualTo("0x0E Get_Attribute_Single class 0x01 instance 1 attribute 7");
        assertThat(first.requestText(0x10)).isEqualTo("0x10 Set_Attribute_Single class 0x01 instance 1 attribute 7");
        assertThat(first.requestText(0x0E)).isEqualTo(unshared.requestText(0x0E));
    }

    @Test
    void aPathDecodedBeforeUnderAHigherSegmentLimitStillExceedsALowerOne() {
        byte[] bytes = HexFormat.of().parseHex("200124013007");
        assertThat(EPathDecoder.decode(bytes, 0, bytes.length, 8)).isInstanceOf(EPathDecode.Decoded.class);

        assertThat(EPathDecoder.decode(bytes, 0, bytes.length, 2))
                .isInstanceOfSatisfying(
                        EPathDecode.Invalid.class,
                        i -> assertThat(i.error()).isEqualTo(CipError.PATH_TOO_MANY_SEGMENTS));
        assertThat(EPathDecoder.decode(bytes, 0, bytes.length, 3)).isInstanceOf(EPathDecode.Decoded.class);
    }

    /**
     * The decoder keeps short paths by their octets in a fixed number of slots: with far more
     * distinct paths than slots, visited in random order at random offsets, every decode must give
     * what the first decode of the same octets gave (a stale or colliding entry would not).
     */
    @Test
    void manyShortPathsDecodedAgainInAnyOrderGiveWhatTheirFirstDecodeGave() {
        Random random = new Random(20261127);
        List<byte[]> paths = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            byte[] p = new byte[i % 2 == 0 ? 2 * (1 + random.nextInt(4)) : 1 + random.nextInt(8)];
            random.nextBytes(p);
            if (i % 2 == 0) { // valid paths too, not only noise: 1 to 4 logical segments of 8-bit ids
                for (int s = 0; s + 1 < p.length; s += 2) {
                    p[s] = (byte) (0x20 | (random.nextInt(4) << 2));
                }
            }
            paths.add(p);
        }
        assertThat(decodedAgainAsFirst(paths, random)).isGreaterThanOrEqualTo(5 * 3000);
    }

    /**
     * The same for paths of 9 to 64 octets, kept with a copy of their octets (tag names, routed
     * paths; a few pass 64 and are never kept): 3000 valid and 3000 noise paths, many more than the
     * kept ones' slots.
     */
    @Test
    void manyLongerPathsDecodedAgainInAnyOrderGiveWhatTheirFirstDecodeGave() {
        Random random = new Random(44_818);
        List<byte[]> paths = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            byte[] p;
            if (i % 2 == 0) { // a symbolic segment (ANSI extended symbol, padded) after a class segment
                int name = 7 + random.nextInt(60);
                p = new byte[2 + 2 + name + (name & 1)];
                p[0] = 0x20;
                p[1] = (byte) random.nextInt(256);
                p[2] = (byte) 0x91;
                p[3] = (byte) name;
                for (int c = 0; c < name; c++) {
                    p[4 + c] = (byte) ('A' + random.nextInt(26));
                }
            } else {
                p = new byte[9 + random.nextInt(60)];
                random.nextBytes(p);
            }
            paths.add(p);
        }
        assertThat(decodedAgainAsFirst(paths, random)).isGreaterThanOrEqualTo(5 * 3000);
    }

    /** Decodes every path 5 times in shuffled order at random offsets; returns how many decoded. */
    private static int decodedAgainAsFirst(List<byte[]> paths, Random random) {
        Map<String, String> firstSeen = new HashMap<>();
        int decoded = 0;
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(paths, random);
            for (byte[] p : paths) {
                int offset = random.nextInt(5);
                byte[] buffer = new byte[offset + p.length + 3];
                random.nextBytes(buffer);
                System.arraycopy(p, 0, buffer, offset, p.length);
                String result = describe(EPathDecoder.decode(buffer, offset, p.length, 8), offset);
                decoded += result.startsWith("decoded") ? 1 : 0;
                String first = firstSeen.putIfAbsent(HexFormat.of().formatHex(p), result);
                if (first != null) {
                    assertThat(result).as(HexFormat.of().formatHex(p)).isEqualTo(first);
                }
            }
        }
        return decoded;
    }

    private static String describe(EPathDecode d, int offset) {
        return switch (d) {
            case EPathDecode.Decoded ok -> "decoded " + ok.path().segments() + " " + written(ok.path());
            case EPathDecode.Invalid i ->
                "invalid " + i.error() + " at " + (i.offset() - offset) + " " + i.value() + " "
                        + i.partial().segments();
        };
    }

    private static String written(EPath path) {
        ValueText out = new ValueText(16);
        path.appendTo(out);
        return out.toString();
    }
}
