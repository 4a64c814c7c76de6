package io.isthmus.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.ModbusAddress.BitPoint;
import io.isthmus.connect.config.ModbusAddress.RegisterPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModbusAddressTest {

    @Test
    void theNumberAfterTheTableIsTheZeroBasedProtocolAddress() {
        assertThat(ModbusAddress.parse("holding:40100:float32:be"))
                .isEqualTo(new RegisterPoint(
                        ModbusTable.HOLDING_REGISTER, 40100, DataType.FLOAT32, 0, ByteOrder.ABCD, Scaling.IDENTITY));
    }

    @Test
    void registerTypeDefaultsToUint16AndOrderToBigEndian() {
        assertThat(ModbusAddress.parse("input:7:uint16")).isEqualTo(ModbusAddress.parse("input:7"));
        assertThat(ModbusAddress.parse("input:7"))
                .isEqualTo(RegisterPoint.of(ModbusTable.INPUT_REGISTER, 7, DataType.UINT16));
    }

    @Test
    void bitsNeedNoType() {
        assertThat(ModbusAddress.parse("coil:0")).isEqualTo(new BitPoint(ModbusTable.COIL, 0));
        assertThat(ModbusAddress.parse("discrete:4:bool")).isEqualTo(new BitPoint(ModbusTable.DISCRETE_INPUT, 4));
    }

    @Test
    void scaleAndOffsetAreOptions() {
        var p = (RegisterPoint) ModbusAddress.parse("holding:11:uint32:be:scale=0.1:offset=-40");
        assertThat(p.scaling()).isEqualTo(new Scaling(0.1, -40));
        assertThat(p.words()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "holding:2:int32:le, DCBA",
        "holding:2:int32:ws, CDAB",
        "holding:2:int32:cdab, CDAB",
        "holding:2:int32:bs, BADC",
        "holding:2:int32, ABCD"
    })
    void byteOrders(String text, ByteOrder order) {
        assertThat(((RegisterPoint) ModbusAddress.parse(text)).order()).isEqualTo(order);
    }

    @Test
    void stringsTakeTwoCharactersPerRegister() {
        var p = (RegisterPoint) ModbusAddress.parse("holding:20:string(9)");
        assertThat(p.type()).isEqualTo(DataType.STRING);
        assertThat(p.words()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} is table {1} address {2}")
    @CsvSource({
        "ref:40001, HOLDING_REGISTER, 0",
        "ref:400001, HOLDING_REGISTER, 0",
        "ref:30008, INPUT_REGISTER, 7",
        "ref:00001, COIL, 0",
        "ref:10005, DISCRETE_INPUT, 4",
        "ref:465536, HOLDING_REGISTER, 65535"
    })
    void modiconReferencesOnlyBehindTheRefPrefix(String text, ModbusTable table, int address) {
        ModbusAddress a = ModbusAddress.parse(text);
        assertThat(a.table()).isEqualTo(table);
        assertThat(a.address()).isEqualTo(address);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "register:1|field 1: 'register' is not a table",
                "holding|address is missing",
                "holding:65536|not a protocol address 0..65535",
                "holding:-1|not a protocol address",
                "holding:1:float16|'float16' is not a type",
                "holding:1:float32:big|'big' is not a byte order",
                "holding:65535:float32|does not fit the 16-bit address space",
                "holding:1:scale=abc|scale 'abc' is not a finite decimal",
                "coil:1:uint16|only 'bool' may follow",
                "holding:1:string(0)|string length must be 1..250",
                "holding:1:string|not a string type",
                "ref:50001|not a Modicon reference",
                "ref:40000|outside 40001..49999",
                "''|is empty"
            })
    void errorsNameTheFieldAndWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> ModbusAddress.parse(text))
                .isInstanceOf(AddressException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("address '");
    }

    @Test
    void toStringParsesBackToTheSameAddress() {
        for (String s :
                new String[] {"holding:11:uint32:ws:scale=0.1", "coil:3", "input:0:float64:le", "holding:4:string(7)"
                }) {
            ModbusAddress a = ModbusAddress.parse(s);
            assertThat(ModbusAddress.parse(a.toString())).isEqualTo(a);
        }
    }
}
