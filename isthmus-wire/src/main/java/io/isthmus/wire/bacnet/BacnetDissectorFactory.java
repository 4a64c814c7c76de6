package io.isthmus.wire.bacnet;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory;
import java.nio.ByteBuffer;

/**
 * Recognises BACnet/IP (ASHRAE 135 Annex J) in a UDP payload: BVLC type 0x81, a defined function,
 * a BVLC Length equal to the datagram, and NPDU version 1 when the function carries an NPDU. UDP
 * 47808 to 47823 (0xBAC0-0xBACF, Annex J.1.1 suggests 0xBAC0 and the next ports for further
 * networks) without that content gives {@link Confidence#PORT_ONLY}.
 */
public final class BacnetDissectorFactory implements DissectorFactory {
    private static final int FIRST_PORT = 0xBAC0;
    private static final int LAST_PORT = 0xBACF;

    private final BacnetLimits limits;

    public BacnetDissectorFactory() {
        this(BacnetLimits.DEFAULT);
    }

    public BacnetDissectorFactory(BacnetLimits limits) {
        this.limits = limits;
    }

    @Override
    public Protocol protocol() {
        return Protocol.BACNET;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        if (looksLikeBvll(firstPayload)) {
            return Confidence.CONTENT;
        }
        return serverPort >= FIRST_PORT && serverPort <= LAST_PORT ? Confidence.PORT_ONLY : Confidence.NO;
    }

    private static boolean looksLikeBvll(ByteBuffer b) {
        int p = b.position();
        int n = b.remaining();
        if (n < 4 || (b.get(p) & 0xFF) != 0x81) {
            return false;
        }
        int function = b.get(p + 1) & 0xFF;
        int length = (b.get(p + 2) & 0xFF) << 8 | b.get(p + 3) & 0xFF;
        if (function > 0x0C || length != n) {
            return false;
        }
        int npdu = function == 0x04 ? 10 : 4;
        boolean carriesNpdu = function == 0x04 || function == 0x09 || function == 0x0A || function == 0x0B;
        return !carriesNpdu || (n > npdu && b.get(p + npdu) == 1);
    }

    @Override
    public BacnetDissector newDissector() {
        return new BacnetDissector(limits);
    }
}
