package io.isthmus.wire.bacnet.apdu;

import io.isthmus.model.AccessKind;

/**
 * BACnetUnconfirmedServiceChoice (ASHRAE 135 clause 21) with access kinds. Who-Is, I-Am, Who-Has,
 * I-Have and Who-Am-I find devices and objects: {@link AccessKind#DISCOVERY}. Time
 * synchronisation sets the device clock that drives its schedules, trend logs and event time
 * stamps, so it is a {@link AccessKind#WRITE} (a time shift is a classic way to fire or suppress
 * schedules), like writeGroup and You-Are (which assigns a device's identity).
 */
public enum UnconfirmedService {
    I_AM(0, "i-Am", AccessKind.DISCOVERY),
    I_HAVE(1, "i-Have", AccessKind.DISCOVERY),
    UNCONFIRMED_COV_NOTIFICATION(2, "unconfirmedCOVNotification", AccessKind.READ),
    UNCONFIRMED_EVENT_NOTIFICATION(3, "unconfirmedEventNotification", AccessKind.READ),
    UNCONFIRMED_PRIVATE_TRANSFER(4, "unconfirmedPrivateTransfer", AccessKind.CONTROL),
    UNCONFIRMED_TEXT_MESSAGE(5, "unconfirmedTextMessage", AccessKind.DIAGNOSTIC),
    TIME_SYNCHRONIZATION(6, "timeSynchronization", AccessKind.WRITE),
    WHO_HAS(7, "who-Has", AccessKind.DISCOVERY),
    WHO_IS(8, "who-Is", AccessKind.DISCOVERY),
    UTC_TIME_SYNCHRONIZATION(9, "utcTimeSynchronization", AccessKind.WRITE),
    WRITE_GROUP(10, "writeGroup", AccessKind.WRITE),
    UNCONFIRMED_COV_NOTIFICATION_MULTIPLE(11, "unconfirmedCOVNotificationMultiple", AccessKind.READ),
    UNCONFIRMED_AUDIT_NOTIFICATION(12, "unconfirmedAuditNotification", AccessKind.DIAGNOSTIC),
    WHO_AM_I(13, "who-Am-I", AccessKind.DISCOVERY),
    YOU_ARE(14, "you-Are", AccessKind.WRITE),
    UNKNOWN(-1, "unknown unconfirmed service", AccessKind.CONTROL);

    private static final UnconfirmedService[] BY_CODE = new UnconfirmedService[15];

    static {
        for (UnconfirmedService s : values()) {
            if (s.code >= 0) {
                BY_CODE[s.code] = s;
            }
        }
    }

    private final int code;
    private final String specName;
    private final AccessKind access;

    UnconfirmedService(int code, String specName, AccessKind access) {
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

    public AccessKind access() {
        return access;
    }

    /** I-Am and I-Have answer Who-Is and Who-Has; the dissector reports them as responses. */
    public boolean answers() {
        return this == I_AM || this == I_HAVE;
    }

    public static UnconfirmedService of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
