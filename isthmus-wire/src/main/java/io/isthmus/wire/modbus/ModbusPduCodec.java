package io.isthmus.wire.modbus;

import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;

/**
 * Modbus PDUs to and from bytes, both directions (Modbus Application Protocol Specification
 * V1.1b3). Pure functions: no state, no I/O, no logging; shared by the simulator's server, the
 * passive dissector, the inline firewall and the polling driver.
 *
 * <p>Decoding never throws on any input. The whole of {@code pdu.remaining()} is one PDU (the MBAP
 * length delimits it); the buffer's position is not moved. A function code's data must be used up
 * exactly: trailing bytes are as malformed as missing ones.
 */
public final class ModbusPduCodec {
    private ModbusPduCodec() {}

    public static PduDecode<ModbusRequest> decodeRequest(ByteBuffer pdu) {
        return decodeRequest(pdu, ModbusLimits.SPEC);
    }

    public static PduDecode<ModbusRequest> decodeRequest(ByteBuffer pdu, ModbusLimits limits) {
        return RequestDecoder.decode(new PduReader(pdu), limits);
    }

    /**
     * A response PDU. Function codes are shared by request and response, so the caller must know
     * the direction; an exception response (function code with 0x80) decodes to {@link
     * ModbusResponse.ExceptionResponse}.
     */
    public static PduDecode<ModbusResponse> decodeResponse(ByteBuffer pdu) {
        return decodeResponse(pdu, ModbusLimits.SPEC);
    }

    public static PduDecode<ModbusResponse> decodeResponse(ByteBuffer pdu, ModbusLimits limits) {
        return ResponseDecoder.decode(new PduReader(pdu), limits);
    }

    /**
     * The request as PDU bytes.
     *
     * @throws IllegalArgumentException when the PDU would exceed {@link ModbusLimits#SPEC}'s 253 bytes
     */
    /**
     * A decoded request as the protocol-independent summary the passive path reports: function,
     * access kind (read, write, control, diagnostic...), unit-independent address range and written
     * values. The inline firewall decides on the same classification as the sensor.
     */
    public static MessageSummary summarize(ModbusRequest request, ModbusLimits limits) {
        return RequestSummaries.of(request, limits);
    }

    public static byte[] encode(ModbusRequest request) {
        return PduEncoder.encode(request, ModbusLimits.SPEC.maxPdu());
    }

    /**
     * The response as PDU bytes.
     *
     * @throws IllegalArgumentException when the PDU would exceed {@link ModbusLimits#SPEC}'s 253 bytes
     */
    public static byte[] encode(ModbusResponse response) {
        return PduEncoder.encode(response, ModbusLimits.SPEC.maxPdu());
    }
}
