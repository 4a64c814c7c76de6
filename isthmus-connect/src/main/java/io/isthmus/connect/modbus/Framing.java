package io.isthmus.connect.modbus;

import io.isthmus.connect.config.SourceKind;
import io.isthmus.connect.modbus.ModbusCommException.Kind;
import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapDecode;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.rtu.RtuCodec;
import io.isthmus.wire.modbus.rtu.RtuDecode;
import io.isthmus.wire.modbus.rtu.RtuError;
import io.isthmus.wire.modbus.rtu.RtuFrame;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The ADU around a PDU on one connection: the MBAP header of Modbus/TCP or the address and CRC of
 * RTU over TCP. Reads use the pure codecs of {@code isthmus-wire}; the I/O is the caller's {@link
 * FrameReader}.
 */
sealed interface Framing {

    static Framing of(SourceKind kind) {
        return switch (kind) {
            case MODBUS_TCP -> new Mbap();
            case MODBUS_RTU_OVER_TCP -> new Rtu();
        };
    }

    /** Reads exactly n bytes or throws (timeout, closed). */
    interface FrameReader {
        void readFully(byte[] into, int offset, int length) throws IOException;
    }

    byte[] encode(int transactionId, int unitId, byte[] pdu);

    /** True when responses name their request, so several requests may be in flight. */
    boolean pairsByTransaction();

    /** A response's PDU and which request in flight it answers (0 for the oldest). */
    record Answer(int slot, byte[] pdu) {}

    /**
     * Reads one response and returns its PDU after checking it answers one of the {@code inFlight}
     * requests sent with transaction identifiers {@code firstTransactionId} onwards (modulo 2^16).
     */
    Answer readResponse(FrameReader in, int firstTransactionId, int inFlight, int unitId) throws IOException;

    /** Modbus/TCP: responses are paired with requests by transaction identifier. */
    final class Mbap implements Framing {
        private final byte[] buffer = new byte[260];

        @Override
        public byte[] encode(int transactionId, int unitId, byte[] pdu) {
            return MbapCodec.encode(MbapFrame.of(transactionId, unitId, pdu));
        }

        @Override
        public boolean pairsByTransaction() {
            return true;
        }

        @Override
        public Answer readResponse(FrameReader in, int firstTransactionId, int inFlight, int unitId)
                throws IOException {
            int have = 0;
            int need = 7;
            while (true) {
                in.readFully(buffer, have, need);
                have += need;
                switch (MbapCodec.decode(ByteBuffer.wrap(buffer, 0, have))) {
                    case MbapDecode.NeedMore more -> need = more.bytesNeeded();
                    case MbapDecode.Malformed m ->
                        throw new ModbusCommException(
                                Kind.MALFORMED_FRAME, m.reason() + " at MBAP offset " + m.offset());
                    case MbapDecode.Complete c -> {
                        MbapFrame f = c.frame();
                        int slot = (f.transactionId() - firstTransactionId) & 0xFFFF;
                        if (slot >= inFlight) {
                            throw new ModbusCommException(
                                    Kind.TRANSACTION_MISMATCH,
                                    "response carries transaction " + f.transactionId() + ", expected "
                                            + expected(firstTransactionId, inFlight));
                        }
                        if (f.unitId() != unitId) {
                            throw new ModbusCommException(
                                    Kind.UNEXPECTED_RESPONSE,
                                    "response from unit " + f.unitId() + ", expected " + unitId);
                        }
                        return new Answer(slot, f.pdu());
                    }
                }
            }
        }

        private static String expected(int first, int inFlight) {
            return inFlight == 1 ? String.valueOf(first) : first + ".." + ((first + inFlight - 1) & 0xFFFF);
        }
    }

    /**
     * RTU over TCP: no transaction identifier, so the response must come from the addressed unit;
     * the PDU's function code is checked by the caller.
     */
    final class Rtu implements Framing {
        private final byte[] buffer = new byte[RtuCodec.MAX_ADU];

        @Override
        public byte[] encode(int transactionId, int unitId, byte[] pdu) {
            return RtuCodec.encode(new RtuFrame(unitId, pdu));
        }

        @Override
        public boolean pairsByTransaction() {
            return false;
        }

        @Override
        public Answer readResponse(FrameReader in, int firstTransactionId, int inFlight, int unitId)
                throws IOException {
            if (inFlight != 1) {
                throw new IllegalArgumentException("RTU over TCP pairs responses by order: one request in flight");
            }
            int have = 0;
            int need = 2;
            while (true) {
                in.readFully(buffer, have, need);
                have += need;
                switch (RtuCodec.decodeResponse(ByteBuffer.wrap(buffer, 0, have))) {
                    case RtuDecode.NeedMore more -> need = more.bytesNeeded();
                    case RtuDecode.Malformed m ->
                        throw new ModbusCommException(
                                m.error() == RtuError.CRC_MISMATCH ? Kind.CRC_MISMATCH : Kind.MALFORMED_FRAME,
                                m.reason());
                    case RtuDecode.Complete c -> {
                        if (c.frame().unitId() != unitId) {
                            throw new ModbusCommException(
                                    Kind.UNEXPECTED_RESPONSE,
                                    "response from unit " + c.frame().unitId() + ", expected " + unitId);
                        }
                        return new Answer(0, c.frame().pdu());
                    }
                }
            }
        }
    }
}
