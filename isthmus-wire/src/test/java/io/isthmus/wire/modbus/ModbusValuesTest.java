package io.isthmus.wire.modbus;

import static io.isthmus.wire.modbus.SpecExamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The small value types: packed bits, registers, exception codes. */
class ModbusValuesTest {

    @Test
    @DisplayName("§6.1: coil 20 sits in the least significant bit of the first byte")
    void firstCoilIsTheLeastSignificantBit() {
        var bits = PackedBits.fromBytes(bytes(0xCD, 0x6B, 0x05));
        assertThat(bits.unpack(3)).containsExactly(true, false, true);
        assertThat(bits.get(16)).isTrue();
        assertThat(bits.get(17)).isFalse();
        assertThat(PackedBits.pack(bits.unpack(19))).isEqualTo(bits);
    }

    @Test
    @DisplayName("§4.2: registers are big-endian and read back unsigned")
    void registersAreBigEndianAndUnsigned() {
        var registers = Registers.fromBytes(bytes(0x02, 0x2B, 0xFF, 0xFE));
        assertThat(registers.toUnsignedArray()).containsExactly(555, 65534);
        assertThat(registers.getShort(1)).isEqualTo((short) -2);
        assertThat(Registers.of(555, -2)).isEqualTo(registers);
        assertThat(registers.toBytes()).containsExactly(0x02, 0x2B, 0xFF, 0xFE);
    }

    @Test
    @DisplayName("§7: every wire number maps to its exception code or to nothing, never an exception")
    void everyExceptionNumberMapsWithoutThrowing() {
        for (ExceptionCode code : ExceptionCode.values()) {
            assertThat(ExceptionCode.fromCode(code.code())).contains(code);
        }
        assertThat(ExceptionCode.fromCode(0x07)).isEmpty();
        assertThat(ExceptionCode.fromCode(-1)).isEmpty();
        assertThat(ExceptionCode.fromCode(Integer.MAX_VALUE)).isEmpty();
        assertThat(IntStream.range(0, 256).mapToObj(ExceptionCode::fromCode).filter(Optional::isPresent))
                .hasSize(9);
    }

    @Test
    @DisplayName("§6.21: device id objects keep hostile bytes visible as text")
    void deviceIdObjectKeepsBytesVisible() {
        var object = new DeviceIdObject(0, bytes(0x41, 0xFF));
        assertThat(object.valueAsString()).isEqualTo("A\u00FF");
    }
}
