package io.isthmus.wire.opcua.encoding;

/**
 * Why a structure could not be read: which field, where (relative to the chunk's first byte),
 * the value the wire claimed and the bound it broke.
 */
public record DecodeFailure(Problem problem, String field, int offset, long value, long bound) {

    /** The three ways a field can be wrong in OPC UA Binary. */
    public enum Problem {
        /** The field, or the length it declares, runs past the end of the chunk. */
        BEYOND_END,
        /** A declared length is larger than the limit for that field. */
        OVER_LIMIT,
        /** A length below -1 (only -1, meaning null, may be negative: §5.2.2.4). */
        NEGATIVE_LENGTH,
        /** A value the encoding does not define, such as an unknown NodeId encoding byte. */
        INVALID_VALUE
    }

    /** A readable sentence naming the field and the values. */
    public String detail() {
        return switch (problem) {
            case BEYOND_END -> field + " needs " + value + " bytes but " + bound + " remain in the chunk";
            case OVER_LIMIT -> field + " length " + value + " exceeds the limit " + bound;
            case NEGATIVE_LENGTH -> field + " length " + value + " is negative";
            case INVALID_VALUE -> field + " has the undefined value " + value;
        };
    }
}
