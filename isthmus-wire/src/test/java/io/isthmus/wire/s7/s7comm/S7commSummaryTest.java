package io.isthmus.wire.s7.s7comm;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Userdata summary heads (function number, name, access, direction), kept per group, subfunction and direction. */
class S7commSummaryTest {

    private final S7commDecoder decoder = new S7commDecoder(128, 256, 64, 65_536);

    /** A userdata PDU: header of 10 octets, the short parameter (8 octets), no data. */
    private MessageSummary userdata(int typeGroup, int subfunction, Direction hint) {
        ByteBuffer b = ByteBuffer.allocate(18);
        b.put((byte) 0x32).put((byte) 7).putShort((short) 0).putShort((short) 1);
        b.putShort((short) 8).putShort((short) 0);
        b.put((byte) 0).put((byte) 1).put((byte) 0x12).put((byte) 4).put((byte) 0x11);
        b.put((byte) typeGroup).put((byte) subfunction).put((byte) 0);
        assertThat(decoder.read(b, 0, b.limit())).isTrue();
        return S7commSummary.of(decoder, hint);
    }

    @Test
    void everyGroupSubfunctionAndDirectionHasTheHeadItsTablesGiveEveryTime() {
        int[] types = {0x0, 0x4, 0x8, 0x3}; // push, request, response, other (the hint decides)
        for (int code = 0; code < 0x10; code++) {
            UserdataGroup group = UserdataGroup.of(code);
            for (int sub = 0; sub < 0x100; sub++) {
                for (int type : types) {
                    for (Direction hint : Direction.values()) {
                        Direction expected = type == 0x4 ? Direction.REQUEST : type == 0x3 ? hint : Direction.RESPONSE;
                        for (int time = 0; time < 2; time++) {
                            MessageSummary s = userdata(type << 4 | code, sub, hint);
                            assertThat(s.direction()).isEqualTo(expected);
                            assertThat(s.function()).isEqualTo(0x7000 | code << 8 | sub);
                            assertThat(s.functionName()).isEqualTo(UserdataFunction.name(group, sub));
                            assertThat(s.access()).isEqualTo(UserdataFunction.access(group, sub));
                        }
                    }
                }
            }
        }
        assertThat(userdata(0x44, 0x01, Direction.RESPONSE).functionName()).isEqualTo("CPU functions: Read SZL");
        assertThat(userdata(0x8D, 0x42, Direction.REQUEST).functionName()).isEqualTo("Unknown group: subfunction 0x42");
    }

    @Test
    void aParameterWhoseGroupAndCodeDisagreeIsSummarisedFromEachAsBefore() {
        // not what the decoder makes; built by hand, it still gets the number of its code and the
        // name and access of its group, and does not disturb the heads kept for the decoder's PDUs
        var header = new S7Header(Rosctr.USERDATA, 7, 1, 8, 0, S7ErrorClass.of(0), 0, 0, 10);
        var odd = new UserdataParameter(4, UserdataGroup.CPU_FUNCTIONS, 2, 1, 0, -1, false, 0);
        var s = S7commSummary.of(
                new S7Decode.Decoded(header, new S7Message.Userdata(odd, UserdataContent.OPAQUE), List.of()),
                Direction.REQUEST);

        assertThat(s.function()).isEqualTo(0x7201);
        assertThat(s.functionName()).isEqualTo("CPU functions: Read SZL");
        assertThat(userdata(0x42, 0x01, Direction.REQUEST).functionName())
                .isEqualTo("Cyclic services: Cyclic transfer");
    }
}
