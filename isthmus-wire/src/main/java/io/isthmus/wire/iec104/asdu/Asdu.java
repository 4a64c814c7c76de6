package io.isthmus.wire.iec104.asdu;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The data unit identifier of an ASDU and what its objects cover (IEC 60870-5-101 clause 7.2 with
 * the -104 field sizes: 2-octet cause, 2-octet common address, 3-octet object addresses).
 *
 * @param sequence the SQ bit: one address followed by {@code objectCount} consecutive elements
 * @param firstAddress the first information object address, when an object arrived
 */
public record Asdu(
        int typeCode,
        TypeId type,
        boolean sequence,
        int objectCount,
        CauseOfTransmission cause,
        int originator,
        int commonAddress,
        OptionalLong firstAddress,
        List<AsduProblem> problems) {

    public Asdu {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(firstAddress, "firstAddress");
        problems = List.copyOf(problems);
    }
}
