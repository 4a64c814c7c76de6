package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.enip.EncapsulationCommand;
import io.isthmus.wire.s7.cotp.CotpTpduType;
import org.junit.jupiter.api.Test;

class CodeTableTest {

    enum Colour {
        RED(2),
        BLUE(7),
        FAR(300),
        NONE(-1);

        final int code;

        Colour(int code) {
            this.code = code;
        }
    }

    @Test
    void everyCodeInRangeFindsItsConstantAndEveryOtherSlotTheUnknownOne() {
        Colour[] table = CodeTable.of(Colour.values(), c -> c.code, 16, Colour.NONE);

        assertThat(table).hasSize(16);
        assertThat(table.getClass()).isEqualTo(Colour[].class);
        assertThat(table[2]).isEqualTo(Colour.RED);
        assertThat(table[7]).isEqualTo(Colour.BLUE);
        for (int k = 0; k < 16; k++) {
            if (k != 2 && k != 7) {
                assertThat(table[k]).as("slot %d", k).isEqualTo(Colour.NONE);
            }
        }
        assertThat(table).doesNotContain(Colour.FAR);
    }

    @Test
    void theProtocolTablesAgreeWithASearchOfTheirConstants() {
        for (int code = 0; code < 0x100; code++) {
            EncapsulationCommand searched = EncapsulationCommand.UNKNOWN;
            for (EncapsulationCommand c : EncapsulationCommand.values()) {
                if (c.code() == code) {
                    searched = c;
                }
            }
            assertThat(EncapsulationCommand.of(code)).as("0x%02X", code).isEqualTo(searched);
        }
        for (int octet = 0; octet < 0x100; octet++) {
            CotpTpduType searched = CotpTpduType.UNKNOWN;
            for (CotpTpduType t : CotpTpduType.values()) {
                if (t != CotpTpduType.UNKNOWN && t.wireCode() == (octet & 0xF0)) {
                    searched = t;
                }
            }
            assertThat(CotpTpduType.ofCodeOctet(octet)).as("0x%02X", octet).isEqualTo(searched);
        }
    }
}
