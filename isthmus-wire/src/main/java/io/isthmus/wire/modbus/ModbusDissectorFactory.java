package io.isthmus.wire.modbus;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import java.nio.ByteBuffer;

/**
 * Recognises Modbus/TCP on any port by content: the first payload must start with a plausible
 * MBAP header (protocol id 0, a length of 2 up to the limits, a public or user-defined function
 * code; Modbus Messaging on TCP/IP Implementation Guide V1.0b, section 3.1.3), and when the payload
 * holds more than that frame, the next bytes must start with protocol id 0 as well. Port 502 alone
 * (section 4.1) only suggests Modbus.
 */
public final class ModbusDissectorFactory implements DissectorFactory {
    private final ModbusLimits limits;

    public ModbusDissectorFactory() {
        this(ModbusLimits.SENSOR);
    }

    public ModbusDissectorFactory(ModbusLimits limits) {
        this.limits = limits;
    }

    @Override
    public Protocol protocol() {
        return Protocol.MODBUS;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        if (contentMatches(firstPayload)) {
            return Confidence.CONTENT;
        }
        return serverPort == Protocol.MODBUS.wellKnownPort().orElseThrow() ? Confidence.PORT_ONLY : Confidence.NO;
    }

    @Override
    public Dissector newDissector() {
        return new ModbusDissector(limits);
    }

    private boolean contentMatches(ByteBuffer data) {
        if (data.remaining() < MbapResync.PROBE_BYTES
                || !MbapResync.plausible(data, data.position(), ModbusLimits.SPEC, true)) {
            return false;
        }
        int p = data.position();
        int frame = 6 + (((data.get(p + 4) & 0xFF) << 8) | (data.get(p + 5) & 0xFF));
        if (data.remaining() >= frame + 4) {
            return data.get(p + frame + 2) == 0 && data.get(p + frame + 3) == 0;
        }
        return true;
    }
}
