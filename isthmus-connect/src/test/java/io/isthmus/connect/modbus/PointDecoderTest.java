package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.ModbusAddress.RegisterPoint;
import io.isthmus.connect.config.Scaling;
import io.isthmus.model.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointDecoderTest {

    private static Value decode(String address, int... words) {
        short[] s = new short[words.length];
        for (int i = 0; i < words.length; i++) {
            s[i] = (short) words[i];
        }
        var p = (RegisterPoint) ModbusAddress.parse(address);
        return PointDecoder.decode(p, s, 0, p.scaling());
    }

    @ParameterizedTest(name = "float32 1.5 (0x3FC00000) in order {0}")
    @CsvSource({"be, 0x3FC0, 0x0000", "ws, 0x0000, 0x3FC0", "le, 0x0000, 0xC03F", "bs, 0xC03F, 0x0000"})
    void float32InEveryByteOrder(String order, String w0, String w1) {
        assertThat(decode("holding:0:float32:" + order, Integer.decode(w0), Integer.decode(w1)))
                .isEqualTo(Value.of(1.5));
    }

    @org.junit.jupiter.api.Test
    void integersSignednessAndScaling() {
        assertThat(decode("input:0:int16", 0xFFFE)).isEqualTo(Value.of(-2L));
        assertThat(decode("input:0:uint16", 0xFFFE)).isEqualTo(Value.of(65534L));
        assertThat(decode("input:0:int32", 0xFFFF, 0xFFFF)).isEqualTo(Value.of(-1L));
        assertThat(decode("input:0:uint32", 0x0001, 0x0002)).isEqualTo(Value.of(65538L));
        assertThat(decode("input:0:int32:ws", 0x0002, 0x0001)).isEqualTo(Value.of(65538L));
        assertThat(decode("input:0:uint16:scale=0.01", 1234)).isEqualTo(Value.of(12.34));
        assertThat(decode("input:0:int16:scale=0.1:offset=-40", 500)).isEqualTo(Value.of(10.0));
        assertThat(decode("input:0:float64", 0x4009, 0x21FB, 0x5444, 0x2D18)).isEqualTo(Value.of(Math.PI));
    }

    @org.junit.jupiter.api.Test
    void stringsDropTrailingPadding() {
        assertThat(decode("holding:0:string(6)", 0x4142, 0x4300, 0x0000)).isEqualTo(Value.of("ABC"));
        assertThat(decode("holding:0:string(3)", 0x4142, 0x4344)).isEqualTo(Value.of("ABC"));
        var p = (RegisterPoint) ModbusAddress.parse("holding:0:string(2)");
        assertThat(p.scaling()).isEqualTo(Scaling.IDENTITY);
    }
}
