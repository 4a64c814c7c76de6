package io.isthmus.wire.dnp3.link;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16DnpTest {

    @Test
    void theCheckValueOfTheCatalogueStringIs0xEA82() {
        // CRC-16/DNP catalogue entry: poly 0x3D65 reflected, init 0, xorout 0xFFFF, check "123456789".
        byte[] text = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16Dnp.compute(ByteBuffer.wrap(text), 0, text.length)).isEqualTo(0xEA82);
    }

    @Test
    void theResetLinkStatesHeaderFromIeee1815CarriesCrcE921LowOctetFirst() {
        // Reset Link States from master 1024 to outstation 1: 05 64 05 C0 01 00 00 04 | E9 21
        ByteBuffer frame = ByteBuffer.wrap(hex("05 64 05 C0 01 00 00 04 | E9 21"));
        assertThat(Crc16Dnp.compute(frame, 0, 8)).isEqualTo(0x21E9);
        assertThat(Crc16Dnp.matches(frame, 0, 8, 8)).isTrue();
    }

    @Test
    void aRealOperateHeaderAndItsFourOctetLastBlockMatch() {
        // dnp3__ITI__DNP3-Malformed.pcap frame 2: header CRC da 8f, last block 00 00 00 00 with CRC ff ff.
        ByteBuffer frame = ByteBuffer.wrap(hex("05 64 19 c4 0a 00 01 00 | da 8f | 00 00 00 00 | ff ff"));
        assertThat(Crc16Dnp.matches(frame, 0, 8, 8)).isTrue();
        assertThat(Crc16Dnp.matches(frame, 10, 4, 14)).isTrue();
    }

    @Test
    void computingLeavesTheBufferPositionAlone() {
        ByteBuffer frame = ByteBuffer.wrap(hex("05 64 05 C0 01 00 00 04 E9 21"));
        frame.position(3);
        Crc16Dnp.compute(frame, 0, 8);
        assertThat(frame.position()).isEqualTo(3);
    }

    @Test
    void theArrayFormTwoOctetsAtATimeEqualsTheBufferFormOctetByOctetForEveryLengthAndOffset() {
        byte[] data = new byte[64];
        new java.util.Random(1815).nextBytes(data);
        for (int from = 0; from < 5; from++) {
            for (int length = 0; from + length <= data.length; length++) {
                assertThat(Crc16Dnp.compute(data, from, length))
                        .as("from %d, length %d", from, length)
                        .isEqualTo(Crc16Dnp.compute(ByteBuffer.wrap(data), from, length));
            }
        }
    }

    @Test
    void theArrayFormSeesEveryOctetValueInEitherPositionOfAPair() {
        byte[] pair = new byte[3];
        for (int v = 0; v < 256; v++) {
            for (int position = 0; position < 3; position++) {
                java.util.Arrays.fill(pair, (byte) 0x5A);
                pair[position] = (byte) v;
                assertThat(Crc16Dnp.compute(pair, 0, 3)).isEqualTo(Crc16Dnp.compute(ByteBuffer.wrap(pair), 0, 3));
                assertThat(Crc16Dnp.compute(pair, 0, 2)).isEqualTo(Crc16Dnp.compute(ByteBuffer.wrap(pair), 0, 2));
            }
        }
    }

    /** Every octet value at every place of an eight-octet step (and of the steps before a remainder). */
    @Test
    void theArrayFormSeesEveryOctetValueAtEveryPlaceOfAnEightOctetStep() {
        byte[] data = new byte[19];
        for (int v = 0; v < 256; v++) {
            for (int position = 0; position < data.length; position++) {
                java.util.Arrays.fill(data, (byte) 0xA5);
                data[position] = (byte) v;
                for (int length : new int[] {8, 16, 17, 19}) {
                    assertThat(Crc16Dnp.compute(data, 0, length))
                            .as("value %d at %d, length %d", v, position, length)
                            .isEqualTo(Crc16Dnp.compute(ByteBuffer.wrap(data), 0, length));
                }
            }
        }
    }
}
