package io.isthmus.wire.opcua;

import io.isthmus.wire.Direction;
import io.isthmus.wire.opcua.securechannel.SecurityMode;
import io.isthmus.wire.opcua.securechannel.SecurityPolicy;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one direction of a connection has shown so far: which side it is, the security policy and
 * mode of its secure channel (from its OpenSecureChannel, IEC 62541-6 §6.7.4), and the multi-chunk
 * messages still open (§6.7.2.2). Everything is bounded by {@link OpcUaLimits}.
 */
final class ChannelState {

    /** Whether a symmetric message body can be read on the wire. */
    enum Readability {
        /** Policy None, or mode None or Sign: bodies are in the clear. */
        READABLE,
        /** Mode SignAndEncrypt: bodies are ciphertext. */
        ENCRYPTED,
        /**
         * No OpenSecureChannel seen (capture started mid-connection) or a secured policy whose
         * mode is unknown (only the request carries it): a body counts as readable when its TypeId
         * is a known service.
         */
        UNKNOWN
    }

    /** An open multi-chunk message, by RequestId. */
    static final class Pending {
        final String name;
        int chunks = 1;
        boolean countReported;

        Pending(String name) {
            this.name = name;
        }
    }

    private final OpcUaLimits limits;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private Optional<Direction> side = Optional.empty();
    private Optional<SecurityPolicy> policy = Optional.empty();
    private SecurityMode mode = SecurityMode.UNKNOWN;
    private boolean encryptedRunOpen;
    private int encryptedRunChunks;

    ChannelState(OpcUaLimits limits) {
        this.limits = limits;
    }

    Direction side(Direction hint) {
        return side.orElse(hint);
    }

    void learnSide(Direction direction) {
        side = Optional.of(direction);
    }

    void learnPolicy(SecurityPolicy p) {
        policy = Optional.of(p);
        if (p == SecurityPolicy.NONE) {
            mode = SecurityMode.NONE;
        }
    }

    void learnMode(SecurityMode m) {
        mode = m;
    }

    Readability readability() {
        return switch (mode) {
            case NONE, SIGN -> Readability.READABLE;
            case SIGN_AND_ENCRYPT -> Readability.ENCRYPTED;
            case INVALID, UNKNOWN ->
                policy.filter(p -> p == SecurityPolicy.NONE).isPresent() ? Readability.READABLE : Readability.UNKNOWN;
        };
    }

    Optional<Pending> pending(long requestId) {
        return Optional.ofNullable(pending.get(requestId));
    }

    void finish(long requestId) {
        pending.remove(requestId);
    }

    /** Tracks a new multi-chunk message; false when the oldest had to be forgotten to make room. */
    boolean open(long requestId, String messageName) {
        pending.put(requestId, new Pending(messageName));
        if (pending.size() <= limits.maxPendingMessages()) {
            return true;
        }
        Iterator<Long> oldest = pending.keySet().iterator();
        oldest.next();
        oldest.remove();
        return false;
    }

    /**
     * Counts an encrypted chunk and says whether it starts a message. Without readable RequestIds
     * chunks are grouped by runs: a message starts after a final or abort chunk (so interleaved
     * encrypted messages are counted as one).
     */
    boolean encryptedChunkStartsMessage(boolean last) {
        boolean starts = !encryptedRunOpen;
        encryptedRunChunks = starts ? 1 : encryptedRunChunks + 1;
        encryptedRunOpen = !last;
        return starts;
    }

    /** True once, when an encrypted run passes the chunk limit. */
    boolean encryptedRunJustExceeded() {
        return encryptedRunChunks == limits.maxChunksPerMessage() + 1;
    }
}
