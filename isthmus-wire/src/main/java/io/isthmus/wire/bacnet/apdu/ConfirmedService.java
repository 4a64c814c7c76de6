package io.isthmus.wire.bacnet.apdu;

import io.isthmus.model.AccessKind;

/**
 * BACnetConfirmedServiceChoice (ASHRAE 135 clause 21) with the access kind each exercises.
 *
 * <p>Reads, subscriptions and the notifications they produce deliver data: {@link AccessKind#READ}.
 * Changing property values, lists, objects, alarms' acknowledged state: {@link AccessKind#WRITE}.
 * Restarting a device, silencing its communication, life-safety operations, private transfers and
 * virtual terminals (whose effect the standard does not bound) change what the device does: {@link
 * AccessKind#CONTROL}. Writing files moves programs and configuration: {@link AccessKind#PROGRAM}.
 * Text messages and audit notifications are {@link AccessKind#DIAGNOSTIC}.
 */
public enum ConfirmedService {
    ACKNOWLEDGE_ALARM(0, "acknowledgeAlarm", AccessKind.WRITE),
    CONFIRMED_COV_NOTIFICATION(1, "confirmedCOVNotification", AccessKind.READ),
    CONFIRMED_EVENT_NOTIFICATION(2, "confirmedEventNotification", AccessKind.READ),
    GET_ALARM_SUMMARY(3, "getAlarmSummary", AccessKind.READ),
    GET_ENROLLMENT_SUMMARY(4, "getEnrollmentSummary", AccessKind.READ),
    SUBSCRIBE_COV(5, "subscribeCOV", AccessKind.READ),
    ATOMIC_READ_FILE(6, "atomicReadFile", AccessKind.READ),
    ATOMIC_WRITE_FILE(7, "atomicWriteFile", AccessKind.PROGRAM),
    ADD_LIST_ELEMENT(8, "addListElement", AccessKind.WRITE),
    REMOVE_LIST_ELEMENT(9, "removeListElement", AccessKind.WRITE),
    CREATE_OBJECT(10, "createObject", AccessKind.WRITE),
    DELETE_OBJECT(11, "deleteObject", AccessKind.WRITE),
    READ_PROPERTY(12, "readProperty", AccessKind.READ),
    READ_PROPERTY_CONDITIONAL(13, "readPropertyConditional", AccessKind.READ),
    READ_PROPERTY_MULTIPLE(14, "readPropertyMultiple", AccessKind.READ),
    WRITE_PROPERTY(15, "writeProperty", AccessKind.WRITE),
    WRITE_PROPERTY_MULTIPLE(16, "writePropertyMultiple", AccessKind.WRITE),
    DEVICE_COMMUNICATION_CONTROL(17, "deviceCommunicationControl", AccessKind.CONTROL),
    CONFIRMED_PRIVATE_TRANSFER(18, "confirmedPrivateTransfer", AccessKind.CONTROL),
    CONFIRMED_TEXT_MESSAGE(19, "confirmedTextMessage", AccessKind.DIAGNOSTIC),
    REINITIALIZE_DEVICE(20, "reinitializeDevice", AccessKind.CONTROL),
    VT_OPEN(21, "vtOpen", AccessKind.CONTROL),
    VT_CLOSE(22, "vtClose", AccessKind.CONTROL),
    VT_DATA(23, "vtData", AccessKind.CONTROL),
    AUTHENTICATE(24, "authenticate", AccessKind.DIAGNOSTIC),
    REQUEST_KEY(25, "requestKey", AccessKind.DIAGNOSTIC),
    READ_RANGE(26, "readRange", AccessKind.READ),
    LIFE_SAFETY_OPERATION(27, "lifeSafetyOperation", AccessKind.CONTROL),
    SUBSCRIBE_COV_PROPERTY(28, "subscribeCOVProperty", AccessKind.READ),
    GET_EVENT_INFORMATION(29, "getEventInformation", AccessKind.READ),
    SUBSCRIBE_COV_PROPERTY_MULTIPLE(30, "subscribeCOVPropertyMultiple", AccessKind.READ),
    CONFIRMED_COV_NOTIFICATION_MULTIPLE(31, "confirmedCOVNotificationMultiple", AccessKind.READ),
    CONFIRMED_AUDIT_NOTIFICATION(32, "confirmedAuditNotification", AccessKind.DIAGNOSTIC),
    AUDIT_LOG_QUERY(33, "auditLogQuery", AccessKind.READ),
    /** A choice the standard does not define (yet); the number is kept in the function code. */
    UNKNOWN(-1, "unknown confirmed service", AccessKind.CONTROL);

    private static final ConfirmedService[] BY_CODE = new ConfirmedService[34];

    static {
        for (ConfirmedService s : values()) {
            if (s.code >= 0) {
                BY_CODE[s.code] = s;
            }
        }
    }

    private final int code;
    private final String specName;
    private final AccessKind access;

    ConfirmedService(int code, String specName, AccessKind access) {
        this.code = code;
        this.specName = specName;
        this.access = access;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    /** Unknown services count as control: a sensor cannot rule out that they change the device. */
    public AccessKind access() {
        return access;
    }

    public static ConfirmedService of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
