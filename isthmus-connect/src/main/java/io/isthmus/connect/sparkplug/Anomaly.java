package io.isthmus.connect.sparkplug;

/**
 * What can be wrong with a message from the broker. Each is counted ({@link SparkplugStats}) and
 * the message (or the metric) dropped; the source carries on.
 */
public enum Anomaly {
    /** The topic is not {@code spBv1.0/group/TYPE/node[/device]} with a known message type. */
    MALFORMED_TOPIC,
    /** The payload is larger than {@link SparkplugLimits#maxPayloadBytes()}. */
    OVERSIZED_PAYLOAD,
    /** The payload is not a Sparkplug B protobuf {@code Payload}. */
    MALFORMED_PAYLOAD,
    /** More metrics in one payload than {@link SparkplugLimits#maxMetricsPerPayload()}. */
    TOO_MANY_METRICS,
    /** A name longer than {@link SparkplugLimits#maxNameLength()}. */
    NAME_TOO_LONG,
    /** A message that must carry a sequence number (tck-id-payloads-sequence-num) has none. */
    MISSING_SEQUENCE,
    /** The sequence number is not the previous one plus one, modulo 256. */
    SEQUENCE_GAP,
    /** DATA, DBIRTH or DDEATH from an edge node (or device) whose birth we have not seen. */
    DATA_BEFORE_BIRTH,
    /** A DATA metric whose alias or name the birth did not define. */
    UNKNOWN_METRIC,
    /** A birth metric without a datatype, or a datatype code Sparkplug B does not define. */
    UNKNOWN_DATATYPE,
    /** A datatype we do not map to a tag value (DataSet, Template, Bytes, File, arrays). */
    UNSUPPORTED_DATATYPE,
    /** The value field does not fit the metric's datatype, or a text value is too long. */
    VALUE_MISMATCH,
    /** An NBIRTH without a {@code bdSeq} metric, or an NDEATH whose bdSeq is missing. */
    MISSING_BDSEQ,
    /** An NDEATH whose bdSeq is not the current birth's: a will from an older session, ignored. */
    STALE_DEATH,
    /** More edge nodes, devices or metric definitions than the limits allow. */
    TOO_MANY_ENTITIES,
    /** Two Sparkplug metrics would write the same tag path; the later one is ignored. */
    PATH_COLLISION
}
