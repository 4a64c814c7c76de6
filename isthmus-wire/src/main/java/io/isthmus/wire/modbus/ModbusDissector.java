package io.isthmus.wire.modbus;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One direction of a Modbus/TCP connection: frames with {@link MbapCodec} (Modbus Messaging on
 * TCP/IP Implementation Guide V1.0b, section 3.1.3) and decodes each PDU as a request or a
 * response according to the direction hint (the MBAP header does not say which it is).
 *
 * <p>Damage handling. A bad PDU inside a well-framed ADU is still a message: it is reported with
 * its function code and an anomaly, and the frame is consumed. A bad MBAP header (protocol id not
 * 0, length below 2 or above the limits) breaks the framing: the dissector answers {@link
 * Dissection.Malformed} with a skip to the next position that looks like a plausible header
 * ({@link MbapResync}), so it resynchronises after garbage or a stream gap. Only one anomaly per
 * damaged stretch carries the header error; further skips while resynchronising carry {@code
 * mbap_resync}. Nothing is held between calls except that flag, so memory is the caller's buffer
 * alone, bounded by {@link ModbusLimits#maxAdu()}.
 */
public final class ModbusDissector implements Dissector {
    private final ModbusLimits limits;
    private boolean resyncing;

    /**
     * @param limits framing and decoding bounds; {@link ModbusLimits#SENSOR} frames what real
     *     devices send beyond the specification and flags it
     */
    public ModbusDissector(ModbusLimits limits) {
        this.limits = limits;
    }

    @Override
    public Protocol protocol() {
        return Protocol.MODBUS;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        if (resyncing) {
            int at = MbapResync.nextHeader(data, 0, limits);
            if (at != 0) {
                return at < 0 ? needOrSkip(data) : skip(at);
            }
            resyncing = false;
        }
        // Framed in place: the header and PDU are read where they lie in the caller's array, no
        // frame object, PDU copy or buffer view per message (analyze runs C1 only; perf9p).
        byte[] b = Octets.of(data);
        int at = data.position();
        Optional<MbapDecode> unframed = MbapCodec.unframed(b, at, data.remaining(), limits);
        if (unframed.isEmpty()) {
            int length = Octets.u16be(b, at + 4);
            return new Dissection.Messages(summary(b, at, length, hint), ModbusLimits.MBAP_HEADER_LENGTH - 1 + length);
        }
        return switch (unframed.get()) {
            case MbapDecode.NeedMore n -> new Dissection.NeedMore(n.bytesNeeded());
            case MbapDecode.Malformed m -> malformed(data, m);
            case MbapDecode.Complete c -> throw new IllegalStateException("a whole frame is not unframed: " + c);
        };
    }

    private Dissection malformed(ByteBuffer data, MbapDecode.Malformed m) {
        resyncing = true;
        int at = MbapResync.nextHeader(data, 1, limits);
        int skip = at > 0 ? at : MbapResync.safeSkip(data);
        var anomaly = new Anomaly(
                "mbap_" + m.error().name().toLowerCase(java.util.Locale.ROOT), m.reason() + headerText(data));
        return new Dissection.Malformed(anomaly, m.offset(), skip);
    }

    /** While resynchronising with no plausible header in sight: wait for a header's worth, or skip. */
    private static Dissection needOrSkip(ByteBuffer data) {
        if (data.remaining() < MbapResync.PROBE_BYTES) {
            return new Dissection.NeedMore(MbapResync.PROBE_BYTES - data.remaining());
        }
        return skip(MbapResync.safeSkip(data));
    }

    private static Dissection skip(int bytes) {
        return new Dissection.Malformed(
                new Anomaly("mbap_resync", "skipped " + bytes + " bytes looking for an MBAP header"), 0, bytes);
    }

    /** The frame of MBAP length {@code length} at index {@code at} of {@code b}, all present. */
    private MessageSummary summary(byte[] b, int at, int length, Direction hint) {
        int pdu = at + ModbusLimits.MBAP_HEADER_LENGTH;
        int pduLength = length - 1;
        int unit = Octets.u8(b, at + 6);
        int transaction = Octets.u16be(b, at);
        MessageSummary s;
        boolean read = ReadSummaries.isRead(b, pdu, pduLength); // asked once (perf14d)
        if (read && hint == Direction.REQUEST && ReadSummaries.plainRequest(b, pdu, pduLength, limits)) {
            s = ReadSummaries.request(b, pdu, unit, transaction);
        } else if (read && hint != Direction.REQUEST && ReadSummaries.plainResponse(b, pdu, pduLength, limits)) {
            s = ReadSummaries.response(b, pdu, unit, transaction);
        } else if (!read
                && WriteSummaries.isWrite(b, pdu, pduLength)
                && (hint == Direction.REQUEST
                        ? WriteSummaries.plainRequest(b, pdu, pduLength, limits)
                        : WriteSummaries.plainResponse(pduLength, limits))) {
            s = hint == Direction.REQUEST
                    ? WriteSummaries.request(b, pdu, unit, transaction)
                    : WriteSummaries.response(b, pdu, unit, transaction);
        } else {
            PduReader reader = new PduReader(b, pdu, pduLength);
            OptionalLong u = MessageSummary.number(unit);
            OptionalLong t = MessageSummary.number(transaction);
            s = hint == Direction.REQUEST ? request(reader, u, t) : response(reader, u, t);
        }
        if (length > ModbusLimits.SPEC.maxMbapLength()) {
            s = s.withAnomaly(new Anomaly(
                    "mbap_length_above_spec", "MBAP length " + length + " above " + ModbusLimits.SPEC.maxMbapLength()));
        }
        return s;
    }

    private MessageSummary request(PduReader pdu, OptionalLong unit, OptionalLong transaction) {
        return switch (RequestDecoder.decode(pdu, limits)) {
            case PduDecode.Ok<ModbusRequest> ok -> RequestSummaries.of(ok.value(), limits, unit, transaction);
            case PduDecode.Malformed<ModbusRequest> m ->
                malformedPdu(pdu, Direction.REQUEST, m.error(), m.offset(), unit, transaction);
        };
    }

    private MessageSummary response(PduReader pdu, OptionalLong unit, OptionalLong transaction) {
        return switch (ResponseDecoder.decode(pdu, limits)) {
            case PduDecode.Ok<ModbusResponse> ok -> ResponseSummaries.of(ok.value(), unit, transaction);
            case PduDecode.Malformed<ModbusResponse> m ->
                malformedPdu(pdu, Direction.RESPONSE, m.error(), m.offset(), unit, transaction);
        };
    }

    /** A framed PDU that does not decode: still a message of its function code, with the anomaly. */
    private static MessageSummary malformedPdu(
            PduReader pdu,
            Direction direction,
            PduError error,
            int offset,
            OptionalLong unit,
            OptionalLong transaction) {
        int wire = pdu.length() > 0 ? pdu.u8(0) : 0;
        int fc = wire & ~FunctionCode.EXCEPTION_BIT;
        MessageSummary s = MessageSummary.of(
                Protocol.MODBUS,
                direction,
                fc,
                ModbusFunctionNames.name(fc),
                ModbusFunctionNames.access(fc),
                unit,
                transaction);
        if (direction == Direction.RESPONSE && (wire & FunctionCode.EXCEPTION_BIT) != 0) {
            s = s.withStatus("EXCEPTION");
        }
        String code = "modbus_" + error.name().toLowerCase(java.util.Locale.ROOT);
        return s.withAnomaly(new Anomaly(code, error.description() + " at PDU offset " + offset));
    }

    private static String headerText(ByteBuffer data) {
        int n = Math.min(data.remaining(), ModbusLimits.MBAP_HEADER_LENGTH);
        StringBuilder b = new StringBuilder(" (header");
        for (int i = 0; i < n; i++) {
            b.append(' ').append(String.format("%02x", data.get(data.position() + i) & 0xFF));
        }
        return b.append(')').toString();
    }
}
