package io.isthmus.wire.opcua.service;

/**
 * The StatusCodes (IEC 62541-4 §7.39, values from the OPC Foundation's StatusCode.csv) a
 * dissector meets in connection errors, aborted chunks and service results. The top 16 bits
 * identify the code; the low 16 bits are info bits and are ignored when naming it. Codes not
 * listed are shown by number.
 */
public enum UaStatusCode {
    GOOD(0x00000000L, "Good"),
    UNCERTAIN(0x40000000L, "Uncertain"),
    BAD(0x80000000L, "Bad"),
    BAD_UNEXPECTED_ERROR(0x80010000L, "BadUnexpectedError"),
    BAD_INTERNAL_ERROR(0x80020000L, "BadInternalError"),
    BAD_OUT_OF_MEMORY(0x80030000L, "BadOutOfMemory"),
    BAD_RESOURCE_UNAVAILABLE(0x80040000L, "BadResourceUnavailable"),
    BAD_COMMUNICATION_ERROR(0x80050000L, "BadCommunicationError"),
    BAD_ENCODING_ERROR(0x80060000L, "BadEncodingError"),
    BAD_DECODING_ERROR(0x80070000L, "BadDecodingError"),
    BAD_ENCODING_LIMITS_EXCEEDED(0x80080000L, "BadEncodingLimitsExceeded"),
    BAD_UNKNOWN_RESPONSE(0x80090000L, "BadUnknownResponse"),
    BAD_TIMEOUT(0x800A0000L, "BadTimeout"),
    BAD_SERVICE_UNSUPPORTED(0x800B0000L, "BadServiceUnsupported"),
    BAD_SHUTDOWN(0x800C0000L, "BadShutdown"),
    BAD_SERVER_NOT_CONNECTED(0x800D0000L, "BadServerNotConnected"),
    BAD_SERVER_HALTED(0x800E0000L, "BadServerHalted"),
    BAD_NOTHING_TO_DO(0x800F0000L, "BadNothingToDo"),
    BAD_TOO_MANY_OPERATIONS(0x80100000L, "BadTooManyOperations"),
    BAD_DATA_TYPE_ID_UNKNOWN(0x80110000L, "BadDataTypeIdUnknown"),
    BAD_CERTIFICATE_INVALID(0x80120000L, "BadCertificateInvalid"),
    BAD_SECURITY_CHECKS_FAILED(0x80130000L, "BadSecurityChecksFailed"),
    BAD_CERTIFICATE_TIME_INVALID(0x80140000L, "BadCertificateTimeInvalid"),
    BAD_CERTIFICATE_UNTRUSTED(0x801A0000L, "BadCertificateUntrusted"),
    BAD_CERTIFICATE_REVOKED(0x801D0000L, "BadCertificateRevoked"),
    BAD_USER_ACCESS_DENIED(0x801F0000L, "BadUserAccessDenied"),
    BAD_IDENTITY_TOKEN_INVALID(0x80200000L, "BadIdentityTokenInvalid"),
    BAD_IDENTITY_TOKEN_REJECTED(0x80210000L, "BadIdentityTokenRejected"),
    BAD_SECURE_CHANNEL_ID_INVALID(0x80220000L, "BadSecureChannelIdInvalid"),
    BAD_INVALID_TIMESTAMP(0x80230000L, "BadInvalidTimestamp"),
    BAD_NONCE_INVALID(0x80240000L, "BadNonceInvalid"),
    BAD_SESSION_ID_INVALID(0x80250000L, "BadSessionIdInvalid"),
    BAD_SESSION_CLOSED(0x80260000L, "BadSessionClosed"),
    BAD_SESSION_NOT_ACTIVATED(0x80270000L, "BadSessionNotActivated"),
    BAD_SUBSCRIPTION_ID_INVALID(0x80280000L, "BadSubscriptionIdInvalid"),
    BAD_REQUEST_HEADER_INVALID(0x802A0000L, "BadRequestHeaderInvalid"),
    BAD_REQUEST_CANCELLED_BY_CLIENT(0x802C0000L, "BadRequestCancelledByClient"),
    BAD_NODE_ID_INVALID(0x80330000L, "BadNodeIdInvalid"),
    BAD_NODE_ID_UNKNOWN(0x80340000L, "BadNodeIdUnknown"),
    BAD_ATTRIBUTE_ID_INVALID(0x80350000L, "BadAttributeIdInvalid"),
    BAD_NOT_READABLE(0x803A0000L, "BadNotReadable"),
    BAD_NOT_WRITABLE(0x803B0000L, "BadNotWritable"),
    BAD_OUT_OF_RANGE(0x803C0000L, "BadOutOfRange"),
    BAD_NOT_SUPPORTED(0x803D0000L, "BadNotSupported"),
    BAD_NOT_FOUND(0x803E0000L, "BadNotFound"),
    BAD_NOT_IMPLEMENTED(0x80400000L, "BadNotImplemented"),
    BAD_SECURITY_MODE_REJECTED(0x80540000L, "BadSecurityModeRejected"),
    BAD_SECURITY_POLICY_REJECTED(0x80550000L, "BadSecurityPolicyRejected"),
    BAD_TOO_MANY_SESSIONS(0x80560000L, "BadTooManySessions"),
    BAD_USER_SIGNATURE_INVALID(0x80570000L, "BadUserSignatureInvalid"),
    BAD_APPLICATION_SIGNATURE_INVALID(0x80580000L, "BadApplicationSignatureInvalid"),
    BAD_NO_DELETE_RIGHTS(0x80690000L, "BadNoDeleteRights"),
    BAD_TYPE_MISMATCH(0x80740000L, "BadTypeMismatch"),
    BAD_METHOD_INVALID(0x80750000L, "BadMethodInvalid"),
    BAD_ARGUMENTS_MISSING(0x80760000L, "BadArgumentsMissing"),
    BAD_TOO_MANY_SUBSCRIPTIONS(0x80770000L, "BadTooManySubscriptions"),
    BAD_TOO_MANY_PUBLISH_REQUESTS(0x80780000L, "BadTooManyPublishRequests"),
    BAD_NO_SUBSCRIPTION(0x80790000L, "BadNoSubscription"),
    BAD_TCP_SERVER_TOO_BUSY(0x807D0000L, "BadTcpServerTooBusy"),
    BAD_TCP_MESSAGE_TYPE_INVALID(0x807E0000L, "BadTcpMessageTypeInvalid"),
    BAD_TCP_SECURE_CHANNEL_UNKNOWN(0x807F0000L, "BadTcpSecureChannelUnknown"),
    BAD_TCP_MESSAGE_TOO_LARGE(0x80800000L, "BadTcpMessageTooLarge"),
    BAD_TCP_NOT_ENOUGH_RESOURCES(0x80810000L, "BadTcpNotEnoughResources"),
    BAD_TCP_INTERNAL_ERROR(0x80820000L, "BadTcpInternalError"),
    BAD_TCP_ENDPOINT_URL_INVALID(0x80830000L, "BadTcpEndpointUrlInvalid"),
    BAD_REQUEST_INTERRUPTED(0x80840000L, "BadRequestInterrupted"),
    BAD_REQUEST_TIMEOUT(0x80850000L, "BadRequestTimeout"),
    BAD_SECURE_CHANNEL_CLOSED(0x80860000L, "BadSecureChannelClosed"),
    BAD_SECURE_CHANNEL_TOKEN_UNKNOWN(0x80870000L, "BadSecureChannelTokenUnknown"),
    BAD_SEQUENCE_NUMBER_INVALID(0x80880000L, "BadSequenceNumberInvalid"),
    BAD_REQUEST_TOO_LARGE(0x80B80000L, "BadRequestTooLarge"),
    BAD_RESPONSE_TOO_LARGE(0x80B90000L, "BadResponseTooLarge"),
    BAD_PROTOCOL_VERSION_UNSUPPORTED(0x80BE0000L, "BadProtocolVersionUnsupported"),
    BAD_SECURITY_MODE_INSUFFICIENT(0x80E60000L, "BadSecurityModeInsufficient"),
    BAD_SERVER_TOO_BUSY(0x80EE0000L, "BadServerTooBusy");

    private static final long SEVERITY_MASK = 0xC0000000L;
    private static final long CODE_MASK = 0xFFFF0000L;

    private final long code;
    private final String specName;

    UaStatusCode(long code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    public long code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    /** True unless the severity bits say Uncertain (01) or Bad (10/11). */
    public static boolean isGood(long status) {
        return (status & SEVERITY_MASK) == 0;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final UaStatusCode[] VALUES = values();

    /** The spec's name and the hex value, {@code BadNodeIdUnknown (0x80340000)}, or the hex alone. */
    public static String describe(long status) {
        String hex = String.format("0x%08X", status & 0xFFFFFFFFL);
        for (UaStatusCode c : VALUES) {
            if (c.code == (status & CODE_MASK)) {
                return c.specName + " (" + hex + ")";
            }
        }
        return hex;
    }
}
