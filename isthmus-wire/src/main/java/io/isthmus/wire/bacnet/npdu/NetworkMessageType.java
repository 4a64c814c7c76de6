package io.isthmus.wire.bacnet.npdu;

import io.isthmus.model.AccessKind;

/**
 * Network layer message types (ASHRAE 135 clause 6.2.4 and 6.4), with direction and access kind:
 * finding routers and network numbers is {@link AccessKind#DISCOVERY}; rewriting routing tables
 * and keys is {@link AccessKind#WRITE}; establishing and dropping PTP connections changes what a
 * router does: {@link AccessKind#CONTROL}; busy, available, reject and the security exchange are
 * {@link AccessKind#DIAGNOSTIC}. 0x80 to 0xFF are vendor proprietary.
 */
public enum NetworkMessageType {
    WHO_IS_ROUTER_TO_NETWORK(0x00, "Who-Is-Router-To-Network", false, AccessKind.DISCOVERY),
    I_AM_ROUTER_TO_NETWORK(0x01, "I-Am-Router-To-Network", true, AccessKind.DISCOVERY),
    I_COULD_BE_ROUTER_TO_NETWORK(0x02, "I-Could-Be-Router-To-Network", true, AccessKind.DISCOVERY),
    REJECT_MESSAGE_TO_NETWORK(0x03, "Reject-Message-To-Network", true, AccessKind.DIAGNOSTIC),
    ROUTER_BUSY_TO_NETWORK(0x04, "Router-Busy-To-Network", true, AccessKind.DIAGNOSTIC),
    ROUTER_AVAILABLE_TO_NETWORK(0x05, "Router-Available-To-Network", true, AccessKind.DIAGNOSTIC),
    INITIALIZE_ROUTING_TABLE(0x06, "Initialize-Routing-Table", false, AccessKind.WRITE),
    INITIALIZE_ROUTING_TABLE_ACK(0x07, "Initialize-Routing-Table-Ack", true, AccessKind.DIAGNOSTIC),
    ESTABLISH_CONNECTION_TO_NETWORK(0x08, "Establish-Connection-To-Network", false, AccessKind.CONTROL),
    DISCONNECT_CONNECTION_TO_NETWORK(0x09, "Disconnect-Connection-To-Network", false, AccessKind.CONTROL),
    CHALLENGE_REQUEST(0x0A, "Challenge-Request", false, AccessKind.DIAGNOSTIC),
    SECURITY_PAYLOAD(0x0B, "Security-Payload", false, AccessKind.DIAGNOSTIC),
    SECURITY_RESPONSE(0x0C, "Security-Response", true, AccessKind.DIAGNOSTIC),
    REQUEST_KEY_UPDATE(0x0D, "Request-Key-Update", false, AccessKind.DIAGNOSTIC),
    UPDATE_KEY_SET(0x0E, "Update-Key-Set", false, AccessKind.WRITE),
    UPDATE_DISTRIBUTION_KEY(0x0F, "Update-Distribution-Key", false, AccessKind.WRITE),
    REQUEST_MASTER_KEY(0x10, "Request-Master-Key", false, AccessKind.DIAGNOSTIC),
    SET_MASTER_KEY(0x11, "Set-Master-Key", false, AccessKind.WRITE),
    WHAT_IS_NETWORK_NUMBER(0x12, "What-Is-Network-Number", false, AccessKind.DISCOVERY),
    NETWORK_NUMBER_IS(0x13, "Network-Number-Is", true, AccessKind.DISCOVERY),
    /** 0x14-0x7F reserved, 0x80-0xFF proprietary: effect unknown. */
    OTHER(-1, "Other network message", false, AccessKind.DIAGNOSTIC);

    private final int code;
    private final String specName;
    private final boolean response;
    private final AccessKind access;

    NetworkMessageType(int code, String specName, boolean response, AccessKind access) {
        this.code = code;
        this.specName = specName;
        this.response = response;
        this.access = access;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    public boolean response() {
        return response;
    }

    public AccessKind access() {
        return access;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final NetworkMessageType[] VALUES = values();

    public static NetworkMessageType of(int code) {
        return code >= 0 && code < OTHER.ordinal() ? VALUES[code] : OTHER;
    }
}
