package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.isthmus.sim.plc.RegisterImage;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The server as an independent client sees it: j2mod, a Modbus library that shares no code with
 * Isthmus, reads and writes every table over a real socket.
 */
class ModbusTcpServerJ2modTest {
    private static final int UNIT = 1;

    private RegisterImage image;
    private ModbusTcpServer server;
    private ModbusTCPMaster master;

    @BeforeEach
    void start() throws Exception {
        image = TestImages.patterned();
        server = new ModbusTcpServer(ModbusServerConfig.create(b -> b.port(0)), image);
        server.start();
        master = new ModbusTCPMaster("127.0.0.1", server.port(), 2000, false);
        master.connect();
    }

    @AfterEach
    void stop() {
        master.disconnect();
        server.close();
    }

    @Test
    @DisplayName("§6.1: j2mod reads the coils of the image")
    void readsCoils() throws Exception {
        BitVector bits = master.readCoils(UNIT, 2, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(bits.getBit(i)).as("coil %d", 2 + i).isEqualTo(image.coil(2 + i));
        }
    }

    @Test
    @DisplayName("§6.2: j2mod reads the discrete inputs of the image")
    void readsDiscreteInputs() throws Exception {
        BitVector bits = master.readInputDiscretes(UNIT, 0, TestImages.DISCRETE_INPUTS);
        for (int i = 0; i < TestImages.DISCRETE_INPUTS; i++) {
            assertThat(bits.getBit(i)).as("input %d", i).isEqualTo(image.discreteInput(i));
        }
    }

    @Test
    @DisplayName("§6.3: j2mod reads the holding registers of the image")
    void readsHoldingRegisters() throws Exception {
        Register[] registers = master.readMultipleRegisters(UNIT, 5, 20);
        assertThat(Arrays.stream(registers).mapToInt(r -> (short) r.getValue()).toArray())
                .containsExactly(toInts(image.readHoldingRegisters(5, 20)));
    }

    @Test
    @DisplayName("§6.4: j2mod reads the input registers of the image, negative values intact")
    void readsInputRegisters() throws Exception {
        InputRegister[] registers = master.readInputRegisters(UNIT, 0, TestImages.INPUT);
        assertThat(Arrays.stream(registers).mapToInt(InputRegister::toShort).toArray())
                .containsExactly(toInts(image.readInputRegisters(0, TestImages.INPUT)));
    }

    @Test
    @DisplayName("§6.5: a coil written by j2mod is set in the image")
    void writesSingleCoil() throws Exception {
        assertThat(image.coil(1)).isFalse();
        master.writeCoil(UNIT, 1, true);
        assertThat(image.coil(1)).isTrue();
        master.writeCoil(UNIT, 1, false);
        assertThat(image.coil(1)).isFalse();
    }

    @Test
    @DisplayName("§6.11: coils written together by j2mod are set in the image")
    void writesMultipleCoils() throws Exception {
        var bits = new BitVector(11);
        bits.setBit(0, true);
        bits.setBit(10, true);
        master.writeMultipleCoils(UNIT, 20, bits);
        assertThat(image.readCoils(20, 11))
                .containsExactly(true, false, false, false, false, false, false, false, false, false, true);
    }

    @Test
    @DisplayName("§6.6: a register written by j2mod is set in the image")
    void writesSingleRegister() throws Exception {
        master.writeSingleRegister(UNIT, 7, new SimpleRegister(54321));
        assertThat(image.holdingRegister(7) & 0xFFFF).isEqualTo(54321);
    }

    @Test
    @DisplayName("§6.12: registers written together by j2mod are set in the image")
    void writesMultipleRegisters() throws Exception {
        master.writeMultipleRegisters(
                UNIT, 40, new Register[] {new SimpleRegister(1), new SimpleRegister(2), new SimpleRegister(3)});
        assertThat(image.readHoldingRegisters(40, 3)).containsExactly((short) 1, (short) 2, (short) 3);
    }

    @Test
    @DisplayName("§6.3, §7: reading past the end of each table is ILLEGAL DATA ADDRESS (2)")
    void readsPastTheEndAreIllegalDataAddress() {
        assertIllegalAddress(() -> master.readCoils(UNIT, TestImages.COILS - 1, 2));
        assertIllegalAddress(() -> master.readInputDiscretes(UNIT, TestImages.DISCRETE_INPUTS, 1));
        assertIllegalAddress(() -> master.readMultipleRegisters(UNIT, TestImages.HOLDING - 5, 6));
        assertIllegalAddress(() -> master.readInputRegisters(UNIT, 100, 1));
        assertIllegalAddress(() -> master.writeSingleRegister(UNIT, TestImages.HOLDING, new SimpleRegister(1)));
    }

    @Test
    @DisplayName("the server answers unit 255 like its own unit")
    void answersUnit255() throws Exception {
        assertThat(master.readMultipleRegisters(255, 0, 1)[0].getValue()).isEqualTo(1000);
    }

    private interface ModbusCall {
        void run() throws Exception;
    }

    private static void assertIllegalAddress(ModbusCall call) {
        var e = catchThrowableOfType(ModbusSlaveException.class, call::run);
        assertThat(e).as("exception response").isNotNull();
        assertThat(e.getType()).isEqualTo(2);
    }

    private static int[] toInts(short[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
