package io.isthmus.wire.iec104.asdu;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IEC 60870-5-101 clause 7.2 with IEC 60870-5-104 field sizes: type, variable structure
 * qualifier, cause of transmission with originator, common address, object addresses.
 */
class AsduParserTest {

    private static Asdu parse(String annotatedHex) {
        byte[] bytes = hex(annotatedHex);
        return ((AsduParsing.Parsed) AsduParser.parse(ByteBuffer.wrap(bytes), 0, bytes.length, 127)).asdu();
    }

    private static List<AsduError> errors(Asdu a) {
        return a.problems().stream().map(AsduProblem::error).toList();
    }

    @Test
    void twoFloatMeasurementsWithTheirOwnAddresses() {
        // iec104__ITI__090813_diverse.pcap frame 1: M_ME_NC_1, 2 objects, periodic, CA 3, IOA 1300 and 1301.
        Asdu a = parse("0d 02 01 00 03 00 | 14 05 00 00 00 f0 41 00 | 15 05 00 00 00 31 44 00");
        assertThat(a.type()).isEqualTo(TypeId.M_ME_NC_1);
        assertThat(a.sequence()).isFalse();
        assertThat(a.objectCount()).isEqualTo(2);
        assertThat(a.cause().kind()).isEqualTo(Cause.PERIODIC);
        assertThat(a.originator()).isZero();
        assertThat(a.commonAddress()).isEqualTo(3);
        assertThat(a.firstAddress()).hasValue(1300);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void aSequenceOfNineSinglePointsSharesOneAddress() {
        // iec104__ITI__TestDissectIec104.pcap frame 110, third APDU: SQ=1, 9 objects, inrogen, CA 37133.
        Asdu a = parse("01 89 14 00 0d 91 | 1a 27 00 | d0 80 80 80 c0 80 80 80 80");
        assertThat(a.sequence()).isTrue();
        assertThat(a.objectCount()).isEqualTo(9);
        assertThat(a.cause().kind()).isEqualTo(Cause.INTERROGATED_STATION);
        assertThat(a.commonAddress()).isEqualTo(37133);
        assertThat(a.firstAddress()).hasValue(10010);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void aClockSyncConfirmationCarriesOriginatorAndSevenOctetTime() {
        // iec104__ITI__TestDissectIec104.pcap frame 140: C_CS_NA_1 actcon from originator 4.
        Asdu a = parse("67 01 07 04 0d 91 | 00 00 00 | c8 32 39 08 1d 08 08");
        assertThat(a.type()).isEqualTo(TypeId.C_CS_NA_1);
        assertThat(a.cause().kind()).isEqualTo(Cause.ACTIVATION_CON);
        assertThat(a.originator()).isEqualTo(4);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void theCauseOctetCarriesTestAndNegativeBits() {
        CauseOfTransmission c = CauseOfTransmission.of(0xC7);
        assertThat(c).isEqualTo(new CauseOfTransmission(7, true, true));
        assertThat(CauseOfTransmission.of(0x2F).kind()).isEqualTo(Cause.UNKNOWN_OBJECT_ADDRESS);
        assertThat(Cause.of(25).abbreviation(25)).isEqualTo("inro5");
        assertThat(Cause.of(0)).isEqualTo(Cause.UNKNOWN);
        assertThat(Cause.of(44).rejection()).isTrue();
    }

    @Test
    void objectsClaimingMoreOctetsThanArrivedAreTruncated() {
        Asdu a = parse("0d 02 01 00 03 00 | 14 05 00 00 00 f0 41 00");
        assertThat(errors(a)).containsExactly(AsduError.OBJECTS_TRUNCATED);
        assertThat(a.problems().get(0).detail()).contains("need 16 octets, 8 present");
    }

    @Test
    void octetsAfterTheLastObjectAreReported() {
        Asdu a = parse("2d 01 06 00 03 00 | 94 11 00 81 | ff ff");
        assertThat(errors(a)).containsExactly(AsduError.TRAILING_OCTETS);
    }

    @Test
    void anUndefinedTypeIsUnknownNotACrash() {
        Asdu a = parse("c8 01 06 00 03 00 | 01 00 00 | 01 02 03");
        assertThat(a.type()).isEqualTo(TypeId.UNKNOWN);
        assertThat(a.typeCode()).isEqualTo(200);
        assertThat(errors(a)).containsExactly(AsduError.TYPE_UNKNOWN);
    }

    @Test
    void anUndefinedCauseIsReported() {
        assertThat(errors(parse("64 01 00 00 03 00 00 00 00 14"))).containsExactly(AsduError.CAUSE_UNKNOWN);
    }

    @Test
    void moreObjectsThanTheLimitAreReported() {
        byte[] bytes = hex("01 85 14 00 01 00 | 01 00 00 | 00 00 00 00 00");
        Asdu a = ((AsduParsing.Parsed) AsduParser.parse(ByteBuffer.wrap(bytes), 0, bytes.length, 4)).asdu();
        assertThat(errors(a)).containsExactly(AsduError.TOO_MANY_OBJECTS);
    }

    @Test
    void fewerThanSixOctetsCannotBeRead() {
        byte[] bytes = hex("64 01 06 00");
        assertThat(AsduParser.parse(ByteBuffer.wrap(bytes), 0, bytes.length, 127))
                .isInstanceOf(AsduParsing.Unreadable.class);
    }

    @Test
    void typeIdsAreKeyedByTheirOctetWithSizesFromTheStandard() {
        assertThat(TypeId.of(45)).isEqualTo(TypeId.C_SC_NA_1);
        assertThat(TypeId.of(100)).isEqualTo(TypeId.C_IC_NA_1);
        assertThat(TypeId.of(105)).isEqualTo(TypeId.C_RP_NA_1);
        assertThat(TypeId.of(22)).isEqualTo(TypeId.UNKNOWN);
        assertThat(TypeId.of(255)).isEqualTo(TypeId.UNKNOWN);
        assertThat(TypeId.M_ME_TF_1.elementSize()).isEqualTo(12);
        assertThat(TypeId.C_RD_NA_1.elementSize()).isZero();
        assertThat(TypeId.C_SE_NC_1.controlDirection()).isTrue();
        assertThat(TypeId.M_SP_NA_1.controlDirection()).isFalse();
    }
}
