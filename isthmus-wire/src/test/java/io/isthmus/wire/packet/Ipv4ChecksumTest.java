package io.isthmus.wire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 1071's sum in 32-bit words gives the verdict of the plain 16-bit sum, for every IHL. */
class Ipv4ChecksumTest {

    @Test
    void wordSumAgreesWithTheSixteenBitSumOnValidAndDamagedHeaders() {
        Random random = new Random(1071);
        int valid = 0;
        for (int round = 0; round < 20_000; round++) {
            int ihl = 5 + random.nextInt(11);
            int lead = random.nextInt(4);
            byte[] b = new byte[lead + ihl * 4];
            switch (round % 4) {
                case 0 -> random.nextBytes(b);
                case 1 -> {} // all zero: the sum is 0, not all ones
                case 2 -> java.util.Arrays.fill(b, (byte) 0xFF);
                default -> {
                    random.nextBytes(b);
                    b[lead + 10] = 0;
                    b[lead + 11] = 0;
                    int sum = sixteenBitSum(b, lead, ihl * 4);
                    int checksum = ~sum & 0xFFFF;
                    b[lead + 10] = (byte) (checksum >>> 8);
                    b[lead + 11] = (byte) checksum;
                    if (random.nextBoolean()) {
                        b[lead + random.nextInt(ihl * 4)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
            }
            boolean expected = sixteenBitSum(b, lead, ihl * 4) == 0xFFFF;
            valid += expected ? 1 : 0;
            assertThat(Ipv4Layer.checksumMatches(b, lead, ihl * 4))
                    .as("round %d", round)
                    .isEqualTo(expected);
        }
        assertThat(valid).as("the table holds valid headers too").isGreaterThan(2_000);
    }

    /** RFC 1071 in its plainest form: 16-bit words, carries folded back after each addition. */
    private static int sixteenBitSum(byte[] b, int off, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += (b[off + i] & 0xFF) << 8 | b[off + i + 1] & 0xFF;
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum;
    }
}
