package io.isthmus.wire.opcua.transport;

/**
 * The three-letter message types of the OPC UA Connection Protocol (UACP, IEC 62541-6 §7.1.2.2,
 * Table 50) and of the secure conversation messages it carries (§6.7.2.2), keyed by their ASCII
 * bytes.
 */
public enum MessageType {
    /** Hello, client to server: buffer sizes and the endpoint URL (§7.1.2.3). */
    HEL("HEL", 32, false),
    /** Acknowledge, server to client: the revised buffer sizes (§7.1.2.4). */
    ACK("ACK", 28, false),
    /** Error: a status code and reason, after which the connection closes (§7.1.2.5). */
    ERR("ERR", 16, false),
    /** ReverseHello, server to client when the server opens the connection (§7.1.2.6). */
    RHE("RHE", 16, false),
    /** OpenSecureChannel, with the asymmetric security header (§6.7.2.3). */
    OPN("OPN", 32, true),
    /** A service request or response, with the symmetric security header (§6.7.2.4). */
    MSG("MSG", 24, true),
    /** CloseSecureChannel (§6.7.2.4). */
    CLO("CLO", 24, true);

    private final byte[] letters;
    private final int minimumSize;
    private final boolean secureConversation;

    MessageType(String letters, int minimumSize, boolean secureConversation) {
        this.letters = letters.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.minimumSize = minimumSize;
        this.secureConversation = secureConversation;
    }

    /**
     * The smallest MessageSize a well-formed message of this type can have: the 8-byte header plus
     * its fixed fields with null strings.
     */
    public int minimumSize() {
        return minimumSize;
    }

    /** True for OPN, MSG and CLO, which are chunked and secured (§6.7.2). */
    public boolean secureConversation() {
        return secureConversation;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final MessageType[] VALUES = values();

    /** True when some type's first letter is {@code first}. */
    static boolean anyStartsWith(byte first) {
        for (MessageType t : VALUES) {
            if (t.letters[0] == first) {
                return true;
            }
        }
        return false;
    }

    /** The type whose first {@code count} letters match, for checking a header that is still arriving. */
    static boolean anyStartsWith(byte[] prefix, int count) {
        for (MessageType t : VALUES) {
            if (t.startsWith(prefix, count)) {
                return true;
            }
        }
        return false;
    }

    static java.util.Optional<MessageType> of(byte b0, byte b1, byte b2) {
        for (MessageType t : VALUES) {
            if (t.letters[0] == b0 && t.letters[1] == b1 && t.letters[2] == b2) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    private boolean startsWith(byte[] prefix, int count) {
        for (int i = 0; i < count; i++) {
            if (letters[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
