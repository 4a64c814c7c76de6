package io.isthmus.wire.s7.s7commplus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S7comm-plus summaries: built in one construction, attribute lists shared per version, opcode and trailer. */
class S7CommPlusSummaryTest {

    private static MessageSummary data(int version, S7CommPlusOpcode opcode, int code, boolean trailer) {
        var frame = new S7CommPlusFrame.Data(version, 20, opcode, code, 0x04F2, 7, trailer);
        return S7CommPlusSummary.of(new S7CommPlusDecode.Decoded(frame, List.of()), Direction.RESPONSE);
    }

    @Test
    void aDataFrameHasItsFunctionSequenceAndAttributes() {
        var s = data(3, S7CommPlusOpcode.REQUEST, 0x31, true);

        assertThat(s.direction()).isEqualTo(Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x04F2);
        assertThat(s.functionName()).isEqualTo("SetVariable");
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(s.transaction()).hasValue(7);
        assertThat(s.attributes())
                .containsExactly(new Attribute("s7p_version", "V3"), new Attribute("s7p_opcode", "request"));
        assertThat(data(3, S7CommPlusOpcode.REQUEST, 0x31, true).attributes()).isSameAs(s.attributes());
    }

    @Test
    void aFragmentedFrameAndAnUnknownOpcodeAndVersionAreSaidAsBefore() {
        assertThat(data(1, S7CommPlusOpcode.RESPONSE, 0x32, false).attributes())
                .containsExactly(
                        new Attribute("s7p_version", "V1"),
                        new Attribute("s7p_opcode", "response"),
                        new Attribute("s7p_fragmented", "true"));
        assertThat(data(0x42, S7CommPlusOpcode.UNKNOWN, 0x99, true).attributes())
                .containsExactly(new Attribute("s7p_version", "0x42"), new Attribute("s7p_opcode", "0x99"));
    }

    @Test
    void aNotificationAndAKeepAliveKeepTheirNumbersAndAnomalies() {
        var notification = new S7CommPlusFrame.Data(2, 9, S7CommPlusOpcode.NOTIFICATION, 0x33, -1, -1, true);
        Anomaly overlong = S7CommPlusError.LENGTH_EXCEEDS_FRAME.anomaly("data length 9, frame holds 5");
        var n = S7CommPlusSummary.of(new S7CommPlusDecode.Decoded(notification, List.of(overlong)), Direction.REQUEST);
        var k = S7CommPlusSummary.of(
                new S7CommPlusDecode.Decoded(new S7CommPlusFrame.KeepAlive(0xFF, 3), List.of()), Direction.REQUEST);

        assertThat(n.function()).isEqualTo(S7CommPlusSummary.NOTIFICATION);
        assertThat(n.functionName()).isEqualTo("Notification");
        assertThat(n.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(n.transaction()).isEmpty();
        assertThat(n.anomalies()).containsExactly(overlong);
        assertThat(k.function()).isEqualTo(0xFF);
        assertThat(k.functionName()).isEqualTo("Keep Alive");
        assertThat(k.direction()).isEqualTo(Direction.REQUEST);
        assertThat(k.attributes()).containsExactly(new Attribute("s7p_version", "keep-alive"));
    }
}
