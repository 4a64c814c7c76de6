package io.isthmus.wire.modbus;

import io.isthmus.wire.Direction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The read functions' short way ({@link ReadSummaries}, FC 1 to 4, sections 6.1 to 6.4) gives
 * exactly the summary that the general decoders and summaries give, for plain reads and for the
 * reads it must leave to them (bad lengths, odd register counts, quantities and ranges out of
 * bounds), under the sensor's and the specification's limits.
 */
class ReadSummariesTest {
    private static void sameAsGeneral(byte[] pdu, Direction direction, ModbusLimits limits) {
        var d = new ModbusDissector(limits).next(GeneralWay.frame(pdu), direction);
        GeneralWay.assertSameAsGeneral(d, pdu, direction, limits);
    }

    @Test
    void readRequestsAtEveryQuantityAndRangeEdgeSummariseAsTheGeneralDecoderDoes() {
        int[] numbers = {0, 1, 2, 124, 125, 126, 2000, 2001, 0x7FFF, 0xFF83, 0xFF84, 0xFFFE, 0xFFFF};
        for (ModbusLimits limits : GeneralWay.LIMITS) {
            for (int fc = 1; fc <= 4; fc++) {
                for (int address : numbers) {
                    for (int quantity : numbers) {
                        byte[] pdu = {
                            (byte) fc, (byte) (address >> 8), (byte) address, (byte) (quantity >> 8), (byte) quantity
                        };
                        sameAsGeneral(pdu, Direction.REQUEST, limits);
                    }
                }
            }
        }
    }

    @Test
    void readResponsesWithEveryByteCountAndLengthSummariseAsTheGeneralDecoderDoes() {
        for (ModbusLimits limits : GeneralWay.LIMITS) {
            for (int fc = 1; fc <= 4; fc++) {
                for (int length = 1; length <= Math.min(260, limits.maxPdu()); length++) {
                    for (int count : new int[] {0, 1, 2, length - 3, length - 2, length - 1, 250, 255}) {
                        byte[] pdu = new byte[length];
                        pdu[0] = (byte) fc;
                        if (length > 1) {
                            pdu[1] = (byte) count;
                        }
                        sameAsGeneral(pdu, Direction.RESPONSE, limits);
                    }
                }
            }
        }
    }

    @Test
    void randomReadPdusBothWaysSummariseAsTheGeneralDecoderDoes() {
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            byte[] pdu = new byte[1 + random.nextInt(12)];
            random.nextBytes(pdu);
            pdu[0] = (byte) (1 + random.nextInt(4));
            if (pdu.length > 1 && random.nextBoolean()) {
                pdu[1] = (byte) (pdu.length - 2);
            }
            sameAsGeneral(pdu, random.nextBoolean() ? Direction.REQUEST : Direction.RESPONSE, ModbusLimits.SENSOR);
        }
    }
}
