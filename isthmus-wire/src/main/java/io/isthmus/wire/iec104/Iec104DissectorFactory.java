package io.isthmus.wire.iec104;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.iec104.apci.ApciDecoder;
import io.isthmus.wire.iec104.asdu.TypeId;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Recognises IEC 60870-5-104 by content when the first bytes are an APDU header (start octet
 * 0x68, a legal length and a consistent control field: a valid U-function or S-format with length
 * 4, or an I-format of at least one ASDU identifier whose type is defined), otherwise by the
 * registered port 2404.
 */
public final class Iec104DissectorFactory implements DissectorFactory {
    private static final int TYPE_INDEX = 6;

    private final Iec104Limits limits;

    public Iec104DissectorFactory() {
        this(Iec104Limits.DEFAULT);
    }

    public Iec104DissectorFactory(Iec104Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Protocol protocol() {
        return Protocol.IEC104;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        if (ApciDecoder.isHeader(firstPayload) && knownTypeIfInformation(firstPayload)) {
            return Confidence.CONTENT;
        }
        return serverPort == Protocol.IEC104.wellKnownPort().orElseThrow() ? Confidence.PORT_ONLY : Confidence.NO;
    }

    @Override
    public Dissector newDissector() {
        return new Iec104Dissector(limits);
    }

    private static boolean knownTypeIfInformation(ByteBuffer data) {
        int base = data.position();
        boolean information = (data.get(base + 2) & 0x01) == 0;
        return !information
                || data.remaining() > TYPE_INDEX && TypeId.of(data.get(base + TYPE_INDEX) & 0xFF) != TypeId.UNKNOWN;
    }
}
