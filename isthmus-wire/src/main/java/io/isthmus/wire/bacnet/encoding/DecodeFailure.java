package io.isthmus.wire.bacnet.encoding;

/**
 * Why a BACnet structure could not be read: the field, where (relative to the start of the layer
 * being read), the value on the wire and the bound it broke.
 */
public record DecodeFailure(Problem problem, String field, int offset, long value, long bound) {

    /** The ways a field can be wrong. */
    public enum Problem {
        /** The field, or the length it declares, runs past the end of the layer. */
        BEYOND_END,
        /** A declared length or count is over its limit. */
        OVER_LIMIT,
        /** A value the standard does not allow in this field. */
        INVALID_VALUE
    }

    public String detail() {
        return switch (problem) {
            case BEYOND_END -> field + " needs " + value + " octets but " + bound + " remain";
            case OVER_LIMIT -> field + " is " + value + ", over the limit " + bound;
            case INVALID_VALUE -> field + " has the invalid value " + value;
        };
    }
}
