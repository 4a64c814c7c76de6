package io.isthmus.wire.dnp3.app;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IEEE 1815-2012 clause 4.2.2: fragment header, IIN, object headers with qualifiers and ranges. */
class AppParserTest {
    private final AppParser parser = new AppParser(256, 65_536);

    private AppFragment parse(String annotatedHex) {
        return ((AppParsing.Parsed) parser.parse(hex(annotatedHex))).fragment();
    }

    private static List<AppError> errors(AppFragment f) {
        return f.problems().stream().map(AppProblem::error).toList();
    }

    @Test
    void aClass0123ReadNamesFourClassObjectsWithoutRanges() {
        // dnp3__ITI__dnp3_read_p20001.pcap frame 4, after the transport octet c7.
        AppFragment f = parse("c8 01 | 3c 02 06 | 3c 03 06 | 3c 04 06 | 3c 01 06");
        assertThat(f.control()).isEqualTo(new AppControl(true, true, false, false, 8));
        assertThat(f.function()).isEqualTo(FunctionCode.READ);
        assertThat(f.iin()).isEmpty();
        assertThat(f.headers())
                .extracting(ObjectHeader::describe)
                .containsExactly("g60v2 q0x06", "g60v3 q0x06", "g60v4 q0x06", "g60v1 q0x06");
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aSelectCarriesOneCrobWithATwoOctetCountAndIndexPrefix() {
        // dnp3__ITI__select_operate_and_responses.pcap frame 4: g12v1 qualifier 0x28, count 1, index 0.
        AppFragment f = parse("c0 03 | 0c 01 28 | 01 00 | 00 00 | 03 01 64 00 00 00 64 00 00 00 00");
        assertThat(f.function()).isEqualTo(FunctionCode.SELECT);
        ObjectHeader h = f.headers().get(0);
        assertThat(h.group()).isEqualTo(12);
        assertThat(h.prefix()).isEqualTo(PrefixCode.INDEX_2);
        assertThat(h.rangeCode()).isEqualTo(RangeCode.COUNT_2);
        assertThat(h.range()).isEqualTo(new ObjectRange.Count(1));
        assertThat(h.firstIndex()).isEqualTo(OptionalLong.of(0));
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void anAnalogOutputDirectOperateStepsOverItsThreeOctetBlock() {
        // dnp3__ITI__direct_operate_analog_output.pcap frame 1: g41v2 qualifier 0x28, index 1.
        AppFragment f = parse("c2 05 | 29 02 28 | 01 00 | 01 00 | 00 00 00");
        assertThat(f.function()).isEqualTo(FunctionCode.DIRECT_OPERATE);
        assertThat(f.headers())
                .singleElement()
                .satisfies(h -> assertThat(h.firstIndex()).hasValue(1));
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aResponseCarriesIinAndStatusBitsAreNamedByBitNumber() {
        // dnp3__ITI__cold_restart_and_response.pcap frame 6: IIN2.0 "function code not supported".
        AppFragment f = parse("c0 81 | 00 01");
        assertThat(f.function()).isEqualTo(FunctionCode.RESPONSE);
        assertThat(f.iin()).containsExactly(Iin.NO_FUNC_CODE_SUPPORT);
        assertThat(Iin.NO_FUNC_CODE_SUPPORT.bit()).isEqualTo(8);
    }

    @Test
    void aResponseStepsOverPackedFlagsAndCounterObjects() {
        // dnp3__chowdery__mal_unsol.pcap frame 1, first fragment: g1v2 0..2 then g20v2 1..1.
        AppFragment f = parse("c5 81 00 00 | 01 02 00 00 02 | 01 01 81 | 14 02 00 01 01 | 00 00 00");
        assertThat(f.headers())
                .extracting(ObjectHeader::describe)
                .containsExactly("g1v2 q0x00 [0..2]", "g20v2 q0x00 [1..1]");
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void writingTheRestartBitUsesOnePackedOctet() {
        // dnp3__ITI__write_iin_and_response.pcap frame 4: g80v1 index 7..7, value 0.
        AppFragment f = parse("c0 02 | 50 01 00 07 07 | 00");
        assertThat(f.function()).isEqualTo(FunctionCode.WRITE);
        assertThat(f.headers())
                .singleElement()
                .satisfies(h -> assertThat(h.firstIndex()).hasValue(7));
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void freezeAtTimeCarriesItsTimeObjectThenNamesCountersWithoutData() {
        AppFragment f = parse("c0 0b | 32 02 07 01 | 00 00 00 00 00 00 10 27 00 00 | 14 00 06");
        assertThat(f.headers()).extracting(ObjectHeader::describe).containsExactly("g50v2 q0x07 n=1", "g20v0 q0x06");
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aReadWithAOneOctetIndexPrefixReportsTheFirstIndex() {
        AppFragment f = parse("c0 01 | 1e 00 17 02 | 05 09");
        assertThat(f.headers()).singleElement().satisfies(h -> {
            assertThat(h.firstIndex()).hasValue(5);
            assertThat(h.range().count()).isEqualTo(2);
        });
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void sizePrefixedFileObjectsAreSkippedByTheirPrefix() {
        AppFragment f = parse("c0 19 | 46 03 5b 01 | 04 00 | de ad be ef");
        assertThat(f.function()).isEqualTo(FunctionCode.OPEN_FILE);
        assertThat(f.problems()).isEmpty();
        AppFragment cut = parse("c0 19 | 46 03 5b 01 | 40 00 | de ad");
        assertThat(errors(cut)).containsExactly(AppError.OBJECTS_TRUNCATED);
    }

    @Test
    void deviceAttributesAreSteppedOverByTheirLengthOctet() {
        AppFragment f = parse("c0 81 00 00 | 00 fc 00 00 00 | 01 03 41 42 43 | 00 fb 00 00 00 | 01 01 5a");
        assertThat(f.headers()).hasSize(2);
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aFourOctetRangeClaiming2To32PointsIsAnAnomalyNotAWalk() {
        AppFragment f = parse("c0 01 | 1e 00 02 | 00 00 00 00 | ff ff ff ff");
        assertThat(errors(f)).containsExactly(AppError.RANGE_TOO_LARGE);
        assertThat(f.problems().get(0).detail()).contains("4294967296 points");
        assertThat(f.headers())
                .singleElement()
                .satisfies(h -> assertThat(h.range().count()).isEqualTo(1L << 32));
    }

    @Test
    void theProblemsOfDamagedObjectsDescribeTheHeaderAndTheNumbersInOneText() {
        assertThat(parse("c0 01 | 1e 00 02 | 00 00 00 00 | ff ff ff ff")
                        .problems()
                        .get(0)
                        .detail())
                .isEqualTo("g30v0 q0x02 [0..4294967295] names 4294967296 points, more than the limit 65536");
        assertThat(parse("c2 04 | 0c 01 00 00 01 | 00 03 01 64 00 00 00 64 00 00 00 00")
                        .problems()
                        .get(0)
                        .detail())
                .isEqualTo("g12v1 q0x00 [0..1] needs 2 x 11 = 22 octets, 12 left");
        assertThat(parse("c0 81 00 00 | 63 01 00 00 00 | aa").problems().get(0).detail())
                .isEqualTo("g99v1 q0x00 [0..0]: object size unknown, remaining 1 octet(s) not read");
        assertThat(parse("c0 19 | 46 03 5b 01 | 10 00 | aa").problems().get(0).detail())
                .isEqualTo("g70v3 q0x5b n=1: object 0 of 1 runs past the end of the fragment");
        assertThat(parse("c0 04 | 0c 01 0a | 00").problems().get(0).detail())
                .isEqualTo("g12v1 qualifier 0xa is reserved or not allowed");
        assertThat(parse("c0 04 | 0c 01 fc | 00").problems().get(0).detail())
                .isEqualTo("g12v1 qualifier 0xfc is reserved or not allowed");
    }

    @Test
    void aFourOctetCountOfAllOnesIsAnAnomaly() {
        AppFragment f = parse("c0 81 00 00 | 0c 01 09 | ff ff ff ff");
        assertThat(errors(f)).containsExactly(AppError.RANGE_TOO_LARGE);
    }

    @Test
    void aCountLargerThanTheBytesLeftIsTruncationNotAnAllocation() {
        // dnp3__ITI__DNP3-Malformed.pcap frame 2: two CROBs announced, one and a bit present.
        AppFragment f = parse("c2 04 | 0c 01 00 00 01 | 00 03 01 64 00 00 00 64 00 00 00 00");
        assertThat(errors(f)).containsExactly(AppError.OBJECTS_TRUNCATED);
        assertThat(f.problems().get(0).detail()).contains("2 x 11 = 22 octets, 12 left");
    }

    @Test
    void anObjectOfUnknownSizeStopsTheWalkButKeepsEarlierHeaders() {
        AppFragment f = parse("c0 81 00 00 | 01 02 00 00 00 | 81 | 63 01 00 00 00 | 01 02 03 | 1e 01 06");
        assertThat(f.headers()).extracting(ObjectHeader::group).containsExactly(1, 99);
        assertThat(errors(f)).containsExactly(AppError.OBJECT_SIZE_UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "inverted start-stop range; c0 01 | 01 00 00 09 02; RANGE_INVERTED",
                "reserved qualifier bit 7; c0 01 | 01 00 86; QUALIFIER_INVALID",
                "reserved prefix code 7; c0 01 | 01 00 77 01 00; QUALIFIER_INVALID",
                "reserved range code 0xA; c0 01 | 01 00 0a 01; QUALIFIER_INVALID",
                "prefix with no range; c0 01 | 01 00 16; QUALIFIER_INVALID",
                "packed objects with an index prefix; c0 02 | 01 01 17 01 00 01; QUALIFIER_INVALID",
                "header cut after the group; c0 01 | 01 00; HEADER_TRUNCATED",
                "range field cut; c0 01 | 01 00 01 00; HEADER_TRUNCATED",
                "analog values cut; c0 81 00 00 | 1e 01 00 00 03 | 00 00 00 00 00; OBJECTS_TRUNCATED",
                "variation 0 with data; c0 02 | 0c 00 28 01 00 00 00; OBJECT_SIZE_UNKNOWN",
                "undefined function code; c0 50 | 01 00 06; FUNCTION_UNKNOWN",
                "response without IIN; c0 81 00; FRAGMENT_TOO_SHORT",
            })
    void malformedObjectHeadersEndInOneProblem(String title, String fragment, AppError expected) {
        assertThat(errors(parse(fragment))).containsExactly(expected);
    }

    @Test
    void aFragmentBelowTwoOctetsIsUnreadable() {
        assertThat(parser.parse(hex("c0"))).isInstanceOf(AppParsing.Unreadable.class);
        assertThat(parser.parse(new byte[0])).isInstanceOf(AppParsing.Unreadable.class);
    }

    @Test
    void moreHeadersThanTheLimitStopTheWalk() {
        AppFragment f = ((AppParsing.Parsed) new AppParser(2, 65_536).parse(hex("c0 01 3c 02 06 3c 03 06 3c 04 06")))
                .fragment();
        assertThat(f.headers()).hasSize(2);
        assertThat(errors(f)).containsExactly(AppError.TOO_MANY_HEADERS);
    }

    @Test
    void functionCodesAreKeyedByTheirOctetWithAnUnknownCase() {
        assertThat(FunctionCode.of(13)).isEqualTo(FunctionCode.COLD_RESTART);
        assertThat(FunctionCode.of(18)).isEqualTo(FunctionCode.STOP_APPLICATION);
        assertThat(FunctionCode.of(27)).isEqualTo(FunctionCode.DELETE_FILE);
        assertThat(FunctionCode.of(130)).isEqualTo(FunctionCode.UNSOLICITED_RESPONSE);
        assertThat(FunctionCode.of(34)).isEqualTo(FunctionCode.UNKNOWN);
        assertThat(FunctionCode.of(255)).isEqualTo(FunctionCode.UNKNOWN);
        assertThat(FunctionCode.of(-1)).isEqualTo(FunctionCode.UNKNOWN);
    }

    @Test
    void iinOctetsMapToBitsInOrderAndOnlyErrorBitsAreProblems() {
        assertThat(Iin.of(0x82, 0x04)).containsExactly(Iin.CLASS_1_EVENTS, Iin.DEVICE_RESTART, Iin.PARAMETER_ERROR);
        assertThat(Iin.DEVICE_RESTART.problem()).isFalse();
        assertThat(Iin.DEVICE_TROUBLE.problem()).isTrue();
        assertThat(Iin.of(0, 0)).isEmpty();
    }

    @Test
    void aParserReusedOverManyFragmentsGivesWhatAFreshParserGives() {
        java.util.Random random = new java.util.Random(1815);
        int[] groups = {1, 2, 30, 32, 60, 12, 50, 0, 110, 7};
        int[] qualifiers = {0x00, 0x01, 0x06, 0x07, 0x08, 0x17, 0x28, 0x5B, 0x99};
        AppParser reused = new AppParser(4, 1_000);
        int problems = 0;
        int withHeaders = 0;
        for (int run = 0; run < 20_000; run++) {
            byte[] fragment = new byte[random.nextInt(40)];
            random.nextBytes(fragment);
            for (int at = 4; at + 2 < fragment.length; at += 3 + random.nextInt(6)) { // plausible headers
                fragment[at] = (byte) groups[random.nextInt(groups.length)];
                fragment[at + 1] = (byte) random.nextInt(4);
                fragment[at + 2] = (byte) qualifiers[random.nextInt(qualifiers.length)];
            }
            if (fragment.length > 1) {
                fragment[1] = (byte) (random.nextBoolean() ? 0x81 : random.nextInt(25));
            }
            AppParsing expected = new AppParser(4, 1_000).parse(fragment);
            assertThat(reused.parse(fragment)).as("run %d", run).isEqualTo(expected);
            if (expected instanceof AppParsing.Parsed p
                    && !p.fragment().problems().isEmpty()) {
                problems++;
            }
            if (expected instanceof AppParsing.Parsed p
                    && !p.fragment().headers().isEmpty()) {
                withHeaders++;
            }
        }
        // random octets mostly end in a problem (18,461 of 20,000); both cases and headers covered
        assertThat(problems).isBetween(1_000, 19_500);
        assertThat(withHeaders).isGreaterThan(2_000);
    }
}
