package io.isthmus.wire.bacnet.apdu;

/**
 * The BACnetPropertyIdentifier values (ASHRAE 135 clause 12, 21) a sensor most often meets: identity, present value, priority array, object list, status; the others are reported by number.
 */
public enum PropertyIdentifier {
    ACKED_TRANSITION(0, "acked-transition"),
    ALL(8, "all"),
    APPLICATION_SOFTWARE_VERSION(12, "application-software-version"),
    NOTIFICATION_CLASS(17, "notification-class"),
    DESCRIPTION(28, "description"),
    DEVICE_ADDRESS_BINDING(30, "device-address-binding"),
    EVENT_STATE(36, "event-state"),
    FIRMWARE_REVISION(44, "firmware-revision"),
    LOCAL_DATE(56, "local-date"),
    LOCAL_TIME(57, "local-time"),
    MAX_APDU_LENGTH_ACCEPTED(62, "max-apdu-length-accepted"),
    MODEL_NAME(70, "model-name"),
    OBJECT_IDENTIFIER(75, "object-identifier"),
    OBJECT_LIST(76, "object-list"),
    OBJECT_NAME(77, "object-name"),
    OBJECT_TYPE(79, "object-type"),
    OUT_OF_SERVICE(81, "out-of-service"),
    PRESENT_VALUE(85, "present-value"),
    PRIORITY_ARRAY(87, "priority-array"),
    PROTOCOL_SERVICES_SUPPORTED(97, "protocol-services-supported"),
    PROTOCOL_VERSION(98, "protocol-version"),
    RELIABILITY(103, "reliability"),
    RELINQUISH_DEFAULT(104, "relinquish-default"),
    SEGMENTATION_SUPPORTED(107, "segmentation-supported"),
    STATUS_FLAGS(111, "status-flags"),
    SYSTEM_STATUS(112, "system-status"),
    UNITS(117, "units"),
    VENDOR_IDENTIFIER(120, "vendor-identifier"),
    VENDOR_NAME(121, "vendor-name"),
    PROTOCOL_REVISION(139, "protocol-revision"),
    DATABASE_REVISION(155, "database-revision"),
    MAX_SEGMENTS_ACCEPTED(167, "max-segments-accepted"),
    PROFILE_NAME(168, "profile-name"),
    LAST_RESTART_REASON(196, "last-restart-reason"),
    PROPERTY_LIST(371, "property-list"),
    /** A value this table does not name (newer, proprietary or hostile). */
    UNKNOWN(-1, "unknown");

    private static final PropertyIdentifier[] BY_CODE = new PropertyIdentifier[372];

    static {
        for (PropertyIdentifier v : values()) {
            if (v.code >= 0) {
                BY_CODE[v.code] = v;
            }
        }
    }

    private final int code;
    private final String specName;

    PropertyIdentifier(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    public int code() {
        return code;
    }

    /** The standard's name, {@code present-value}. */
    public String specName() {
        return specName;
    }

    public static PropertyIdentifier of(long code) {
        PropertyIdentifier v = code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        return v == null ? UNKNOWN : v;
    }

    /** The name, or the number when the table does not name it. */
    public static String describe(long code) {
        PropertyIdentifier v = of(code);
        return v == UNKNOWN ? String.valueOf(code) : v.specName;
    }
}
