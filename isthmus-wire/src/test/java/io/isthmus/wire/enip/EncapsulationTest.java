package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The dissector's one-step check of a whole message against {@link Encapsulation#read}. */
class EncapsulationTest {

    @Test
    void frameLengthIsTheMessageLengthExactlyWhenReadGivesAFrame() {
        Random random = new Random(44818);
        byte[] b = new byte[40];
        int frames = 0;
        for (int run = 0; run < 200_000; run++) {
            random.nextBytes(b);
            if (random.nextInt(4) > 0) { // mostly near-valid headers: one field at a time damaged
                b[1] = 0;
                b[3] = 0;
                b[2] = (byte) random.nextInt(24);
                b[9] = b[10] = b[11] = 0;
                b[20] = b[21] = b[22] = b[23] = 0;
                int damaged = random.nextInt(24);
                if (random.nextInt(3) == 0) {
                    b[damaged] = (byte) (1 + random.nextInt(255));
                }
            }
            int at = random.nextInt(3);
            int available = random.nextInt(b.length - at + 1);
            int max = random.nextBoolean() ? 65_511 : random.nextInt(24);
            EncapsulationRead read = Encapsulation.read(b, at, available, max);
            int frame = Encapsulation.frameLength(b, at, available, max);
            String why = HexFormat.of().formatHex(b) + ", available " + available + ", at " + at;
            if (read instanceof EncapsulationRead.Frame f) {
                assertThat(frame).as(why).isEqualTo(f.header().totalLength());
                frames++;
            } else {
                assertThat(frame).as(why).isEqualTo(-1);
            }
        }
        assertThat(frames).isGreaterThan(2_000); // the case the dissector takes must be well covered
    }
}
