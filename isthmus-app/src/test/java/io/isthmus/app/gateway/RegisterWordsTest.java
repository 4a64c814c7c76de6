package io.isthmus.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.ByteOrder;
import io.isthmus.connect.config.DataType;
import io.isthmus.connect.config.ModbusAddress.RegisterPoint;
import io.isthmus.connect.config.ModbusTable;
import io.isthmus.connect.config.Scaling;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.modbus.PointDecoder;
import io.isthmus.model.TagPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registers a recipe writes are exactly what the Connect driver reads back: every writable type
 * in every byte order round-trips through {@link PointDecoder}, and values that do not fit are
 * refused naming the tag.
 */
class RegisterWordsTest {
    static final TagPath TAG = TagPath.parse("acme/springfield/packaging/line1/filler/plc/fillVolume");

    static TagConfig tag(DataType type, ByteOrder order, Scaling scaling) {
        return new TagConfig(
                TAG,
                "filler",
                new RegisterPoint(ModbusTable.HOLDING_REGISTER, 0, type, 0, order, Scaling.IDENTITY),
                scaling,
                "",
                io.isthmus.connect.config.Deadband.NONE,
                java.util.Optional.empty());
    }

    static double roundTrip(DataType type, ByteOrder order, Scaling scaling, double value) {
        TagConfig t = tag(type, order, scaling);
        RegisterPoint p = (RegisterPoint) t.address();
        int[] words = RegisterWords.of(t, p, value);
        assertThat(words).hasSize(type.words());
        short[] image = new short[words.length];
        for (int i = 0; i < words.length; i++) {
            image[i] = (short) words[i];
        }
        return PointDecoder.decode(p, image, 0, scaling).asDouble();
    }

    @Test
    void everyWritableTypeInEveryByteOrderReadsBackAsWritten() {
        record Case(DataType type, List<Double> values) {}
        List<Case> cases = List.of(
                new Case(DataType.INT16, List.of(-32768.0, -1.0, 0.0, 1234.0, 32767.0)),
                new Case(DataType.UINT16, List.of(0.0, 500.0, 65535.0)),
                new Case(DataType.INT32, List.of(-2147483648.0, -70000.0, 70000.0, 2147483647.0)),
                new Case(DataType.UINT32, List.of(0.0, 70000.0, 4294967295.0)),
                new Case(DataType.FLOAT32, List.of(-1.5, 0.0, 72.25, 1.0e30)));
        for (ByteOrder order : ByteOrder.values()) {
            for (Case c : cases) {
                for (double v : c.values()) {
                    assertThat(roundTrip(c.type(), order, Scaling.IDENTITY, v))
                            .as(c.type() + " " + order + " " + v)
                            .isEqualTo((double) (float) v == v || c.type() != DataType.FLOAT32 ? v : (float) v);
                }
            }
        }
    }

    @Test
    void aScaledValueIsWrittenAsItsRawNumber() {
        assertThat(roundTrip(DataType.INT16, ByteOrder.ABCD, new Scaling(0.1, 0), 65.5))
                .isEqualTo(65.5);
        TagConfig t = tag(DataType.INT16, ByteOrder.ABCD, new Scaling(0.1, 0));
        assertThat(RegisterWords.of(t, (RegisterPoint) t.address(), 65.5)).containsExactly(655);
    }

    @Test
    void theWordOrderFollowsTheDeviceTable() {
        long bits = 0x0001_1170L;
        assertThat(RegisterWords.layout(bits, 2, ByteOrder.ABCD)).containsExactly(0x0001, 0x1170);
        assertThat(RegisterWords.layout(bits, 2, ByteOrder.CDAB)).containsExactly(0x1170, 0x0001);
        assertThat(RegisterWords.layout(bits, 2, ByteOrder.BADC)).containsExactly(0x0100, 0x7011);
        assertThat(RegisterWords.layout(bits, 2, ByteOrder.DCBA)).containsExactly(0x7011, 0x0100);
    }

    @Test
    void valuesThatDoNotFitAreRefusedNamingTheTag() {
        record Bad(DataType type, double value) {}
        for (Bad b : List.of(
                new Bad(DataType.INT16, 32768),
                new Bad(DataType.INT16, -32769),
                new Bad(DataType.UINT16, -1),
                new Bad(DataType.UINT16, 65536),
                new Bad(DataType.INT32, 2147483648.0),
                new Bad(DataType.UINT32, 4294967296.0),
                new Bad(DataType.UINT32, -1),
                new Bad(DataType.FLOAT32, 1e39),
                new Bad(DataType.FLOAT64, 1),
                new Bad(DataType.INT32, 1e300))) {
            TagConfig t = tag(b.type(), ByteOrder.ABCD, Scaling.IDENTITY);
            assertThatThrownBy(() -> RegisterWords.of(t, (RegisterPoint) t.address(), b.value()))
                    .as(b.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(TAG.toString());
        }
    }
}
