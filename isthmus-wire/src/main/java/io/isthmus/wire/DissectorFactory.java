package io.isthmus.wire;

import io.isthmus.model.Protocol;
import java.nio.ByteBuffer;

/**
 * One per protocol: recognises the protocol in a flow's first payload bytes and creates the
 * per-direction dissectors.
 */
public interface DissectorFactory {
    Protocol protocol();

    /**
     * How sure the factory is that a flow carries its protocol, from the first payload bytes seen
     * in one direction (position to limit; not moved) and the flow's ports.
     */
    Confidence probe(ByteBuffer firstPayload, int serverPort);

    Dissector newDissector();

    /** How sure a protocol probe is. */
    enum Confidence {
        /** Certainly not this protocol. */
        NO,
        /** Only the port suggests it. */
        PORT_ONLY,
        /** The bytes have the protocol's structure (header fields consistent). */
        CONTENT
    }
}
