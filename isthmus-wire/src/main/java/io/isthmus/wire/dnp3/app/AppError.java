package io.isthmus.wire.dnp3.app;

/** Problems in an application fragment; each maps to the stable anomaly code detection sees. */
public enum AppError {
    /** Fewer than 2 octets, or a response without its two IIN octets (IEEE 1815-2012 clause 4). */
    FRAGMENT_TOO_SHORT("dnp3_app_fragment_too_short"),
    /** A function code the standard does not define. */
    FUNCTION_UNKNOWN("dnp3_app_function_unknown"),
    /** Fewer octets left than an object header's group, variation, qualifier and range need. */
    HEADER_TRUNCATED("dnp3_object_header_truncated"),
    /** A reserved qualifier bit, prefix code or range code, or a combination the standard forbids. */
    QUALIFIER_INVALID("dnp3_object_qualifier_invalid"),
    /** A start-stop range whose stop is below its start. */
    RANGE_INVERTED("dnp3_object_range_inverted"),
    /** A range or count naming more points than the configured maximum per header. */
    RANGE_TOO_LARGE("dnp3_object_range_too_large"),
    /** Object data of a group and variation we cannot size: the remaining headers are not read. */
    OBJECT_SIZE_UNKNOWN("dnp3_object_size_unknown"),
    /** The objects a header names need more octets than the fragment has left. */
    OBJECTS_TRUNCATED("dnp3_object_data_truncated"),
    /** More object headers than the configured maximum per fragment. */
    TOO_MANY_HEADERS("dnp3_object_headers_too_many");

    private final String code;

    AppError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
