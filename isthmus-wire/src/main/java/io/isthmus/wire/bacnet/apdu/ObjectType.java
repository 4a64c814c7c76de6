package io.isthmus.wire.bacnet.apdu;

/**
 * BACnetObjectType (ASHRAE 135 clause 12, 21); 128 and above are proprietary.
 */
public enum ObjectType {
    ANALOG_INPUT(0, "analog-input"),
    ANALOG_OUTPUT(1, "analog-output"),
    ANALOG_VALUE(2, "analog-value"),
    BINARY_INPUT(3, "binary-input"),
    BINARY_OUTPUT(4, "binary-output"),
    BINARY_VALUE(5, "binary-value"),
    CALENDAR(6, "calendar"),
    COMMAND(7, "command"),
    DEVICE(8, "device"),
    EVENT_ENROLLMENT(9, "event-enrollment"),
    FILE(10, "file"),
    GROUP(11, "group"),
    LOOP(12, "loop"),
    MULTI_STATE_INPUT(13, "multi-state-input"),
    MULTI_STATE_OUTPUT(14, "multi-state-output"),
    NOTIFICATION_CLASS(15, "notification-class"),
    PROGRAM(16, "program"),
    SCHEDULE(17, "schedule"),
    AVERAGING(18, "averaging"),
    MULTI_STATE_VALUE(19, "multi-state-value"),
    TREND_LOG(20, "trend-log"),
    LIFE_SAFETY_POINT(21, "life-safety-point"),
    LIFE_SAFETY_ZONE(22, "life-safety-zone"),
    ACCUMULATOR(23, "accumulator"),
    PULSE_CONVERTER(24, "pulse-converter"),
    EVENT_LOG(25, "event-log"),
    GLOBAL_GROUP(26, "global-group"),
    TREND_LOG_MULTIPLE(27, "trend-log-multiple"),
    LOAD_CONTROL(28, "load-control"),
    STRUCTURED_VIEW(29, "structured-view"),
    ACCESS_DOOR(30, "access-door"),
    TIMER(31, "timer"),
    ACCESS_CREDENTIAL(32, "access-credential"),
    ACCESS_POINT(33, "access-point"),
    ACCESS_RIGHTS(34, "access-rights"),
    ACCESS_USER(35, "access-user"),
    ACCESS_ZONE(36, "access-zone"),
    CREDENTIAL_DATA_INPUT(37, "credential-data-input"),
    NETWORK_SECURITY(38, "network-security"),
    BITSTRING_VALUE(39, "bitstring-value"),
    CHARACTERSTRING_VALUE(40, "characterstring-value"),
    DATE_PATTERN_VALUE(41, "date-pattern-value"),
    DATE_VALUE(42, "date-value"),
    DATETIME_PATTERN_VALUE(43, "datetime-pattern-value"),
    DATETIME_VALUE(44, "datetime-value"),
    INTEGER_VALUE(45, "integer-value"),
    LARGE_ANALOG_VALUE(46, "large-analog-value"),
    OCTETSTRING_VALUE(47, "octetstring-value"),
    POSITIVE_INTEGER_VALUE(48, "positive-integer-value"),
    TIME_PATTERN_VALUE(49, "time-pattern-value"),
    TIME_VALUE(50, "time-value"),
    NOTIFICATION_FORWARDER(51, "notification-forwarder"),
    ALERT_ENROLLMENT(52, "alert-enrollment"),
    CHANNEL(53, "channel"),
    LIGHTING_OUTPUT(54, "lighting-output"),
    BINARY_LIGHTING_OUTPUT(55, "binary-lighting-output"),
    NETWORK_PORT(56, "network-port"),
    ELEVATOR_GROUP(57, "elevator-group"),
    ESCALATOR(58, "escalator"),
    LIFT(59, "lift"),
    STAGING(60, "staging"),
    AUDIT_LOG(61, "audit-log"),
    AUDIT_REPORTER(62, "audit-reporter"),
    COLOR(63, "color"),
    COLOR_TEMPERATURE(64, "color-temperature"),
    /** A value this table does not name (newer, proprietary or hostile). */
    UNKNOWN(-1, "unknown");

    private static final ObjectType[] BY_CODE = new ObjectType[65];

    static {
        for (ObjectType v : values()) {
            if (v.code >= 0) {
                BY_CODE[v.code] = v;
            }
        }
    }

    private final int code;
    private final String specName;

    ObjectType(int code, String specName) {
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

    public static ObjectType of(long code) {
        ObjectType v = code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        return v == null ? UNKNOWN : v;
    }

    /** The name, or the number when the table does not name it. */
    public static String describe(long code) {
        ObjectType v = of(code);
        return v == UNKNOWN ? String.valueOf(code) : v.specName;
    }
}
