package io.isthmus.wire.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.MessageSummary;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The write functions' short way ({@link WriteSummaries}, FC 5, 6, 15 and 16, sections 6.5, 6.6,
 * 6.11 and 6.12) gives exactly the summary that the general decoders and summaries give, for plain
 * writes and for the writes it must leave to them (bad lengths, coil values other than ON and OFF,
 * byte counts that do not match the quantity, quantities and ranges out of bounds), under the
 * sensor's and the specification's limits.
 */
class WriteSummariesTest {
    private static void sameAsGeneral(byte[] pdu, Direction direction, ModbusLimits limits) {
        var d = new ModbusDissector(limits).next(GeneralWay.frame(pdu), direction);
        if (pdu.length + 1 > limits.maxMbapLength()) { // not framed: no summary either way
            assertThat(d).isInstanceOf(Dissection.Malformed.class);
            return;
        }
        GeneralWay.assertSameAsGeneral(d, pdu, direction, limits);
    }

    /** fc, address, quantity, byte count, then {@code data} octets (counting up from 0x51). */
    private static byte[] multiple(int fc, int address, int quantity, int count, int data) {
        byte[] pdu = new byte[6 + data];
        pdu[0] = (byte) fc;
        pdu[1] = (byte) (address >> 8);
        pdu[2] = (byte) address;
        pdu[3] = (byte) (quantity >> 8);
        pdu[4] = (byte) quantity;
        pdu[5] = (byte) count;
        for (int i = 0; i < data; i++) {
            pdu[6 + i] = (byte) (0x51 + 37 * i);
        }
        return pdu;
    }

    @Test
    void singleWritesWithEveryValueKindAndLengthSummariseAsTheGeneralDecoderDoes() {
        int[] values = {0, 1, 0xFF00, 0x00FF, 0xFFFF, 0x1234};
        for (ModbusLimits limits : GeneralWay.LIMITS) {
            for (int fc : new int[] {5, 6}) {
                for (int address : new int[] {0, 1, 0xFFFE, 0xFFFF}) {
                    for (int value : values) {
                        for (int length = 1; length <= 7; length++) {
                            byte[] five = {
                                (byte) fc,
                                (byte) (address >> 8),
                                (byte) address,
                                (byte) (value >> 8),
                                (byte) value,
                                9,
                                9
                            };
                            byte[] pdu = java.util.Arrays.copyOf(five, length);
                            sameAsGeneral(pdu, Direction.REQUEST, limits);
                            sameAsGeneral(pdu, Direction.RESPONSE, limits);
                        }
                    }
                }
            }
        }
    }

    @Test
    void multipleWritesAtEveryQuantityByteCountAndRangeEdgeSummariseAsTheGeneralDecoderDoes() {
        int[] quantities = {0, 1, 2, 7, 8, 9, 15, 16, 17, 50, 122, 123, 124, 1000, 1968, 1969, 0xFFFF};
        int[] addresses = {0, 1, 0xFF00, 0xFFFE, 0xFFFF};
        for (ModbusLimits limits : GeneralWay.LIMITS) {
            for (int fc : new int[] {15, 16}) {
                for (int address : addresses) {
                    for (int quantity : quantities) {
                        int needed = fc == 15 ? PackedBits.byteCountFor(quantity) : 2 * quantity;
                        for (int count : new int[] {needed - 1, needed, needed + 1, 0, 255}) {
                            if (count < 0 || count > 255) {
                                continue;
                            }
                            for (int data : new int[] {count - 1, count, count + 1}) {
                                if (data < 0) {
                                    continue;
                                }
                                byte[] pdu = multiple(fc, address, quantity, count, data);
                                sameAsGeneral(pdu, Direction.REQUEST, limits);
                                sameAsGeneral(pdu, Direction.RESPONSE, limits);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void writtenCoilsReadAsAListGiveTheValuesTextOfTheGeneralWay() {
        // 20 coils: 3 bytes, the first sixteen listed, four counted
        byte[] pdu = multiple(15, 100, 20, 3, 3);
        var d = (Dissection.Messages)
                new ModbusDissector(ModbusLimits.SENSOR).next(GeneralWay.frame(pdu), Direction.REQUEST);
        MessageSummary s = d.get(0);
        assertThat(s.attributes()).isInstanceOf(WriteSummaries.WrittenCoils.class);
        // 0x51 = 1000 1010 from bit 0, 0x76 = 0110 1110 from bit 0
        assertThat(s.attributes())
                .containsExactly(new io.isthmus.wire.Attribute("values", "1,0,0,0,1,0,1,0,0,1,1,0,1,1,1,0,...(+4)"));
        assertThat(s.address()).isEqualTo(OptionalLong.of(100));
        assertThat(s.quantity()).isEqualTo(OptionalLong.of(20));
        assertThat(s.anomalies()).isEqualTo(List.of());
    }

    @Test
    void randomWritePdusBothWaysSummariseAsTheGeneralDecoderDoes() {
        Random random = new Random(23);
        int[] fcs = {5, 6, 15, 16};
        for (int i = 0; i < 40_000; i++) {
            byte[] pdu = new byte[1 + random.nextInt(40)];
            random.nextBytes(pdu);
            pdu[0] = (byte) fcs[random.nextInt(fcs.length)];
            if (pdu.length > 5 && random.nextBoolean()) {
                pdu[5] = (byte) (pdu.length - 6);
                if (random.nextBoolean()) { // a quantity that fits the byte count
                    int quantity = pdu[0] == 15 ? 8 * (pdu.length - 6) - random.nextInt(8) : (pdu.length - 6) / 2;
                    pdu[1] = (byte) random.nextInt(2);
                    pdu[3] = (byte) (quantity >> 8);
                    pdu[4] = (byte) quantity;
                }
            }
            sameAsGeneral(pdu, random.nextBoolean() ? Direction.REQUEST : Direction.RESPONSE, ModbusLimits.SENSOR);
        }
    }
}
