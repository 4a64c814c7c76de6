package io.isthmus.wire.opcua.service;

import io.isthmus.model.AccessKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services of IEC 62541-4 by the NodeIds of their request and response binary encodings
 * (namespace 0, the {@code *_Encoding_DefaultBinary} objects of the OPC Foundation's NodeIds.csv,
 * checked against tshark 4.0's table), with the access kind each one exercises.
 *
 * <p>Access kinds: reading values, history, the address space and subscriptions (which only
 * deliver data) is {@link AccessKind#READ}; changing values, history or the address space is
 * {@link AccessKind#WRITE}; Call runs a method, which may do anything a program offers (start a
 * batch, open a valve), so it is {@link AccessKind#CONTROL}. The Discovery Service Set
 * (FindServers, GetEndpoints, RegisterServer, §5.4) exists to find servers: {@link
 * AccessKind#DISCOVERY}. Secure channel and session management (§5.5, §5.6) changes nothing in
 * the process and only sets up the conversation: {@link AccessKind#DIAGNOSTIC}, like the test
 * services.
 */
public enum UaService {
    FIND_SERVERS("FindServers", 422, 425, AccessKind.DISCOVERY),
    FIND_SERVERS_ON_NETWORK("FindServersOnNetwork", 12208, 12209, AccessKind.DISCOVERY),
    GET_ENDPOINTS("GetEndpoints", 428, 431, AccessKind.DISCOVERY),
    REGISTER_SERVER("RegisterServer", 437, 440, AccessKind.DISCOVERY),
    REGISTER_SERVER2("RegisterServer2", 12211, 12212, AccessKind.DISCOVERY),
    TEST_STACK("TestStack", 410, 413, AccessKind.DIAGNOSTIC),
    TEST_STACK_EX("TestStackEx", 416, 419, AccessKind.DIAGNOSTIC),
    OPEN_SECURE_CHANNEL("OpenSecureChannel", 446, 449, AccessKind.DIAGNOSTIC),
    CLOSE_SECURE_CHANNEL("CloseSecureChannel", 452, 455, AccessKind.DIAGNOSTIC),
    CREATE_SESSION("CreateSession", 461, 464, AccessKind.DIAGNOSTIC),
    ACTIVATE_SESSION("ActivateSession", 467, 470, AccessKind.DIAGNOSTIC),
    CLOSE_SESSION("CloseSession", 473, 476, AccessKind.DIAGNOSTIC),
    CANCEL("Cancel", 479, 482, AccessKind.DIAGNOSTIC),
    ADD_NODES("AddNodes", 488, 491, AccessKind.WRITE),
    ADD_REFERENCES("AddReferences", 494, 497, AccessKind.WRITE),
    DELETE_NODES("DeleteNodes", 500, 503, AccessKind.WRITE),
    DELETE_REFERENCES("DeleteReferences", 506, 509, AccessKind.WRITE),
    BROWSE("Browse", 527, 530, AccessKind.READ),
    BROWSE_NEXT("BrowseNext", 533, 536, AccessKind.READ),
    TRANSLATE_BROWSE_PATHS("TranslateBrowsePathsToNodeIds", 554, 557, AccessKind.READ),
    REGISTER_NODES("RegisterNodes", 560, 563, AccessKind.READ),
    UNREGISTER_NODES("UnregisterNodes", 566, 569, AccessKind.READ),
    QUERY_FIRST("QueryFirst", 615, 618, AccessKind.READ),
    QUERY_NEXT("QueryNext", 621, 624, AccessKind.READ),
    READ("Read", 631, 634, AccessKind.READ),
    HISTORY_READ("HistoryRead", 664, 667, AccessKind.READ),
    WRITE("Write", 673, 676, AccessKind.WRITE),
    HISTORY_UPDATE("HistoryUpdate", 700, 703, AccessKind.WRITE),
    CALL("Call", 712, 715, AccessKind.CONTROL),
    CREATE_MONITORED_ITEMS("CreateMonitoredItems", 751, 754, AccessKind.READ),
    MODIFY_MONITORED_ITEMS("ModifyMonitoredItems", 763, 766, AccessKind.READ),
    SET_MONITORING_MODE("SetMonitoringMode", 769, 772, AccessKind.READ),
    SET_TRIGGERING("SetTriggering", 775, 778, AccessKind.READ),
    DELETE_MONITORED_ITEMS("DeleteMonitoredItems", 781, 784, AccessKind.READ),
    CREATE_SUBSCRIPTION("CreateSubscription", 787, 790, AccessKind.READ),
    MODIFY_SUBSCRIPTION("ModifySubscription", 793, 796, AccessKind.READ),
    SET_PUBLISHING_MODE("SetPublishingMode", 799, 802, AccessKind.READ),
    PUBLISH("Publish", 826, 829, AccessKind.READ),
    REPUBLISH("Republish", 832, 835, AccessKind.READ),
    TRANSFER_SUBSCRIPTIONS("TransferSubscriptions", 841, 844, AccessKind.READ),
    DELETE_SUBSCRIPTIONS("DeleteSubscriptions", 847, 850, AccessKind.READ);

    /** ServiceFault_Encoding_DefaultBinary: the response to any request that failed as a whole (§7.35). */
    public static final int SERVICE_FAULT = 397;

    private static final Map<Long, Message> BY_ENCODING = index();

    private final String serviceName;
    private final int requestEncoding;
    private final int responseEncoding;
    private final AccessKind access;

    UaService(String serviceName, int requestEncoding, int responseEncoding, AccessKind access) {
        this.serviceName = serviceName;
        this.requestEncoding = requestEncoding;
        this.responseEncoding = responseEncoding;
        this.access = access;
    }

    public String serviceName() {
        return serviceName;
    }

    public int requestEncoding() {
        return requestEncoding;
    }

    public int responseEncoding() {
        return responseEncoding;
    }

    public AccessKind access() {
        return access;
    }

    /**
     * One message type: a service's request, its response, or (with an empty service) the
     * ServiceFault.
     */
    public record Message(Optional<UaService> service, boolean request, int encodingId, String name) {

        /** The access kind; a ServiceFault answers some request, and is diagnostic by itself. */
        public AccessKind access() {
            return service.map(UaService::access).orElse(AccessKind.DIAGNOSTIC);
        }
    }

    /** The message whose binary encoding has this numeric NodeId in namespace 0, if it is one. */
    public static Optional<Message> byEncoding(long numericId) {
        return Optional.ofNullable(BY_ENCODING.get(numericId));
    }

    private static Map<Long, Message> index() {
        Map<Long, Message> map = new HashMap<>();
        for (UaService s : values()) {
            map.put(
                    (long) s.requestEncoding,
                    new Message(Optional.of(s), true, s.requestEncoding, s.serviceName + "Request"));
            map.put(
                    (long) s.responseEncoding,
                    new Message(Optional.of(s), false, s.responseEncoding, s.serviceName + "Response"));
        }
        map.put((long) SERVICE_FAULT, new Message(Optional.empty(), false, SERVICE_FAULT, "ServiceFault"));
        return Map.copyOf(map);
    }
}
