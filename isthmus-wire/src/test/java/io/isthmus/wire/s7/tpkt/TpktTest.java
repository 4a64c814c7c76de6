package io.isthmus.wire.s7.tpkt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TpktTest {

    /** snap7_s300_everything.pcapng frame 1 (captures/SOURCES.md): Setup Communication job. */
    private static final byte[] SETUP_JOB =
            HexFormat.of().parseHex("0300001902f08032010000000000080000f0000001000101e0");

    private static TpktRead read(byte[] bytes, int available) {
        return Tpkt.read(ByteBuffer.wrap(bytes), 0, available, 8196);
    }

    @Test
    void rfc1006Section6HeaderGivesTheLengthIncludingItsOwnFourOctets() {
        assertThat(read(SETUP_JOB, SETUP_JOB.length)).isEqualTo(new TpktRead.Frame(25));
    }

    @Test
    void everyPrefixOfAValidPacketIsIncompleteNeverInvalid() {
        for (int n = 0; n < SETUP_JOB.length; n++) {
            assertThat(read(SETUP_JOB, n)).as("prefix of %d octets", n).isInstanceOf(TpktRead.Incomplete.class);
        }
        assertThat(read(SETUP_JOB, 4)).isEqualTo(new TpktRead.Incomplete(21));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "version 2 is not RFC 1006,       02001900, VERSION",
        "reserved octet must be zero,     03011900, RESERVED",
        "length 0 leaves no header,       03000000, LENGTH_TOO_SHORT",
        "length 4 carries no TPDU,        03000004, LENGTH_TOO_SHORT",
        "length 6 is below a COTP DT,     03000006, LENGTH_TOO_SHORT",
        "length 65535 is above the limit, 0300ffff, LENGTH_EXCEEDS_LIMIT"
    })
    void invalidHeadersAreRecognisedAsSoonAsTheirOctetsArrive(String why, String hex, TpktError error) {
        assertThat(read(HexFormat.of().parseHex(hex), 4))
                .isInstanceOfSatisfying(
                        TpktRead.Invalid.class, i -> assertThat(i.error()).isEqualTo(error));
    }

    @Test
    void resyncSkipsGarbageToTheNextPlausibleHeader() {
        byte[] stream = HexFormat.of().parseHex("ffee0102" + HexFormat.of().formatHex(SETUP_JOB));
        assertThat(Tpkt.resync(ByteBuffer.wrap(stream), 0, stream.length, 8196)).isEqualTo(4);
    }

    @Test
    void resyncKeepsAHeaderCutOffByTheEndOfTheData() {
        byte[] stream = HexFormat.of().parseHex("ffee0300");
        assertThat(Tpkt.resync(ByteBuffer.wrap(stream), 0, stream.length, 8196)).isEqualTo(2);
    }

    @Test
    void resyncDropsEverythingWhenNoHeaderCanStart() {
        byte[] stream = HexFormat.of().parseHex("ffeeddcc");
        assertThat(Tpkt.resync(ByteBuffer.wrap(stream), 0, stream.length, 8196)).isEqualTo(4);
    }

    @Test
    void frameLengthIsTheLengthExactlyWhenReadGivesAFrame() {
        java.util.Random random = new java.util.Random(27);
        byte[] b = new byte[12];
        for (int run = 0; run < 200_000; run++) {
            random.nextBytes(b);
            if (random.nextInt(4) > 0) { // mostly near-valid headers
                b[2] = 0;
                b[0] = (byte) (random.nextInt(8) > 0 ? 3 : random.nextInt(256));
                b[1] = (byte) (random.nextInt(8) > 0 ? 0 : random.nextInt(256));
                b[3] = (byte) random.nextInt(16);
            }
            int at = random.nextInt(2);
            int available = random.nextInt(b.length - at + 1);
            int max = random.nextBoolean() ? 8196 : 7 + random.nextInt(10);
            TpktRead read = Tpkt.read(b, at, available, max);
            assertThat(Tpkt.frameLength(b, at, available, max))
                    .as("%s, available %d", HexFormat.of().formatHex(b), available)
                    .isEqualTo(read instanceof TpktRead.Frame f ? f.length() : -1);
        }
    }
}
