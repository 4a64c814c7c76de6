package io.isthmus.wire.bacnet.apdu;

/**
 * BACnetErrorCode (ASHRAE 135 clause 18, 21), the codes up to 139; others are reported by number.
 */
public enum ErrorCode {
    OTHER(0, "other"),
    AUTHENTICATION_FAILED(1, "authentication-failed"),
    CONFIGURATION_IN_PROGRESS(2, "configuration-in-progress"),
    DEVICE_BUSY(3, "device-busy"),
    DYNAMIC_CREATION_NOT_SUPPORTED(4, "dynamic-creation-not-supported"),
    FILE_ACCESS_DENIED(5, "file-access-denied"),
    INCOMPATIBLE_SECURITY_LEVELS(6, "incompatible-security-levels"),
    INCONSISTENT_PARAMETERS(7, "inconsistent-parameters"),
    INCONSISTENT_SELECTION_CRITERION(8, "inconsistent-selection-criterion"),
    INVALID_DATA_TYPE(9, "invalid-data-type"),
    INVALID_FILE_ACCESS_METHOD(10, "invalid-file-access-method"),
    INVALID_FILE_START_POSITION(11, "invalid-file-start-position"),
    INVALID_OPERATOR_NAME(12, "invalid-operator-name"),
    INVALID_PARAMETER_DATA_TYPE(13, "invalid-parameter-data-type"),
    INVALID_TIME_STAMP(14, "invalid-time-stamp"),
    KEY_GENERATION_ERROR(15, "key-generation-error"),
    MISSING_REQUIRED_PARAMETER(16, "missing-required-parameter"),
    NO_OBJECTS_OF_SPECIFIED_TYPE(17, "no-objects-of-specified-type"),
    NO_SPACE_FOR_OBJECT(18, "no-space-for-object"),
    NO_SPACE_TO_ADD_LIST_ELEMENT(19, "no-space-to-add-list-element"),
    NO_SPACE_TO_WRITE_PROPERTY(20, "no-space-to-write-property"),
    NO_VT_SESSIONS_AVAILABLE(21, "no-vt-sessions-available"),
    PROPERTY_IS_NOT_A_LIST(22, "property-is-not-a-list"),
    OBJECT_DELETION_NOT_PERMITTED(23, "object-deletion-not-permitted"),
    OBJECT_IDENTIFIER_ALREADY_EXISTS(24, "object-identifier-already-exists"),
    OPERATIONAL_PROBLEM(25, "operational-problem"),
    PASSWORD_FAILURE(26, "password-failure"),
    READ_ACCESS_DENIED(27, "read-access-denied"),
    SECURITY_NOT_SUPPORTED(28, "security-not-supported"),
    SERVICE_REQUEST_DENIED(29, "service-request-denied"),
    TIMEOUT(30, "timeout"),
    UNKNOWN_OBJECT(31, "unknown-object"),
    UNKNOWN_PROPERTY(32, "unknown-property"),
    UNKNOWN_VT_CLASS(34, "unknown-vt-class"),
    UNKNOWN_VT_SESSION(35, "unknown-vt-session"),
    UNSUPPORTED_OBJECT_TYPE(36, "unsupported-object-type"),
    VALUE_OUT_OF_RANGE(37, "value-out-of-range"),
    VT_SESSION_ALREADY_CLOSED(38, "vt-session-already-closed"),
    VT_SESSION_TERMINATION_FAILURE(39, "vt-session-termination-failure"),
    WRITE_ACCESS_DENIED(40, "write-access-denied"),
    CHARACTER_SET_NOT_SUPPORTED(41, "character-set-not-supported"),
    INVALID_ARRAY_INDEX(42, "invalid-array-index"),
    COV_SUBSCRIPTION_FAILED(43, "cov-subscription-failed"),
    NOT_COV_PROPERTY(44, "not-cov-property"),
    OPTIONAL_FUNCTIONALITY_NOT_SUPPORTED(45, "optional-functionality-not-supported"),
    INVALID_CONFIGURATION_DATA(46, "invalid-configuration-data"),
    DATATYPE_NOT_SUPPORTED(47, "datatype-not-supported"),
    DUPLICATE_NAME(48, "duplicate-name"),
    DUPLICATE_OBJECT_ID(49, "duplicate-object-id"),
    PROPERTY_IS_NOT_AN_ARRAY(50, "property-is-not-an-array"),
    ABORT_BUFFER_OVERFLOW(51, "abort-buffer-overflow"),
    ABORT_INVALID_APDU_IN_THIS_STATE(52, "abort-invalid-apdu-in-this-state"),
    ABORT_PREEMPTED_BY_HIGHER_PRIORITY_TASK(53, "abort-preempted-by-higher-priority-task"),
    ABORT_SEGMENTATION_NOT_SUPPORTED(54, "abort-segmentation-not-supported"),
    ABORT_PROPRIETARY(55, "abort-proprietary"),
    ABORT_OTHER(56, "abort-other"),
    INVALID_TAG(57, "invalid-tag"),
    NETWORK_DOWN(58, "network-down"),
    REJECT_BUFFER_OVERFLOW(59, "reject-buffer-overflow"),
    REJECT_INCONSISTENT_PARAMETERS(60, "reject-inconsistent-parameters"),
    REJECT_INVALID_PARAMETER_DATA_TYPE(61, "reject-invalid-parameter-data-type"),
    REJECT_INVALID_TAG(62, "reject-invalid-tag"),
    REJECT_MISSING_REQUIRED_PARAMETER(63, "reject-missing-required-parameter"),
    REJECT_PARAMETER_OUT_OF_RANGE(64, "reject-parameter-out-of-range"),
    REJECT_TOO_MANY_ARGUMENTS(65, "reject-too-many-arguments"),
    REJECT_UNDEFINED_ENUMERATION(66, "reject-undefined-enumeration"),
    REJECT_UNRECOGNIZED_SERVICE(67, "reject-unrecognized-service"),
    REJECT_PROPRIETARY(68, "reject-proprietary"),
    REJECT_OTHER(69, "reject-other"),
    UNKNOWN_DEVICE(70, "unknown-device"),
    UNKNOWN_ROUTE(71, "unknown-route"),
    VALUE_NOT_INITIALIZED(72, "value-not-initialized"),
    INVALID_EVENT_STATE(73, "invalid-event-state"),
    NO_ALARM_CONFIGURED(74, "no-alarm-configured"),
    LOG_BUFFER_FULL(75, "log-buffer-full"),
    LOGGED_VALUE_PURGED(76, "logged-value-purged"),
    NO_PROPERTY_SPECIFIED(77, "no-property-specified"),
    NOT_CONFIGURED_FOR_TRIGGERED_LOGGING(78, "not-configured-for-triggered-logging"),
    UNKNOWN_SUBSCRIPTION(79, "unknown-subscription"),
    PARAMETER_OUT_OF_RANGE(80, "parameter-out-of-range"),
    LIST_ELEMENT_NOT_FOUND(81, "list-element-not-found"),
    BUSY(82, "busy"),
    COMMUNICATION_DISABLED(83, "communication-disabled"),
    SUCCESS(84, "success"),
    ACCESS_DENIED(85, "access-denied"),
    BAD_DESTINATION_ADDRESS(86, "bad-destination-address"),
    BAD_DESTINATION_DEVICE_ID(87, "bad-destination-device-id"),
    BAD_SIGNATURE(88, "bad-signature"),
    BAD_SOURCE_ADDRESS(89, "bad-source-address"),
    BAD_TIMESTAMP(90, "bad-timestamp"),
    CANNOT_USE_KEY(91, "cannot-use-key"),
    CANNOT_VERIFY_MESSAGE_ID(92, "cannot-verify-message-id"),
    CORRECT_KEY_REVISION(93, "correct-key-revision"),
    DESTINATION_DEVICE_ID_REQUIRED(94, "destination-device-id-required"),
    DUPLICATE_MESSAGE(95, "duplicate-message"),
    ENCRYPTION_NOT_CONFIGURED(96, "encryption-not-configured"),
    ENCRYPTION_REQUIRED(97, "encryption-required"),
    INCORRECT_KEY(98, "incorrect-key"),
    INVALID_KEY_DATA(99, "invalid-key-data"),
    KEY_UPDATE_IN_PROGRESS(100, "key-update-in-progress"),
    MALFORMED_MESSAGE(101, "malformed-message"),
    NOT_KEY_SERVER(102, "not-key-server"),
    SECURITY_NOT_CONFIGURED(103, "security-not-configured"),
    SOURCE_SECURITY_REQUIRED(104, "source-security-required"),
    TOO_MANY_KEYS(105, "too-many-keys"),
    UNKNOWN_AUTHENTICATION_TYPE(106, "unknown-authentication-type"),
    UNKNOWN_KEY(107, "unknown-key"),
    UNKNOWN_KEY_REVISION(108, "unknown-key-revision"),
    UNKNOWN_SOURCE_MESSAGE(109, "unknown-source-message"),
    NOT_ROUTER_TO_DNET(110, "not-router-to-dnet"),
    ROUTER_BUSY(111, "router-busy"),
    UNKNOWN_NETWORK_MESSAGE(112, "unknown-network-message"),
    MESSAGE_TOO_LONG(113, "message-too-long"),
    SECURITY_ERROR(114, "security-error"),
    ADDRESSING_ERROR(115, "addressing-error"),
    WRITE_BDT_FAILED(116, "write-bdt-failed"),
    READ_BDT_FAILED(117, "read-bdt-failed"),
    REGISTER_FOREIGN_DEVICE_FAILED(118, "register-foreign-device-failed"),
    READ_FDT_FAILED(119, "read-fdt-failed"),
    DELETE_FDT_ENTRY_FAILED(120, "delete-fdt-entry-failed"),
    DISTRIBUTE_BROADCAST_FAILED(121, "distribute-broadcast-failed"),
    UNKNOWN_FILE_SIZE(122, "unknown-file-size"),
    ABORT_APDU_TOO_LONG(123, "abort-apdu-too-long"),
    ABORT_APPLICATION_EXCEEDED_REPLY_TIME(124, "abort-application-exceeded-reply-time"),
    ABORT_OUT_OF_RESOURCES(125, "abort-out-of-resources"),
    ABORT_TSM_TIMEOUT(126, "abort-tsm-timeout"),
    ABORT_WINDOW_SIZE_OUT_OF_RANGE(127, "abort-window-size-out-of-range"),
    FILE_FULL(128, "file-full"),
    INCONSISTENT_CONFIGURATION(129, "inconsistent-configuration"),
    INCONSISTENT_OBJECT_TYPE(130, "inconsistent-object-type"),
    INTERNAL_ERROR(131, "internal-error"),
    NOT_CONFIGURED(132, "not-configured"),
    OUT_OF_MEMORY(133, "out-of-memory"),
    VALUE_TOO_LONG(134, "value-too-long"),
    ABORT_INSUFFICIENT_SECURITY(135, "abort-insufficient-security"),
    ABORT_SECURITY_ERROR(136, "abort-security-error"),
    DUPLICATE_ENTRY(137, "duplicate-entry"),
    INVALID_VALUE_IN_THIS_STATE(138, "invalid-value-in-this-state"),
    INVALID_OPERATION_IN_THIS_STATE(139, "invalid-operation-in-this-state"),
    /** A value this table does not name (newer, proprietary or hostile). */
    UNKNOWN(-1, "unknown");

    private static final ErrorCode[] BY_CODE = new ErrorCode[140];

    static {
        for (ErrorCode v : values()) {
            if (v.code >= 0) {
                BY_CODE[v.code] = v;
            }
        }
    }

    private final int code;
    private final String specName;

    ErrorCode(int code, String specName) {
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

    public static ErrorCode of(long code) {
        ErrorCode v = code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        return v == null ? UNKNOWN : v;
    }

    /** The name, or the number when the table does not name it. */
    public static String describe(long code) {
        ErrorCode v = of(code);
        return v == UNKNOWN ? String.valueOf(code) : v.specName;
    }
}
