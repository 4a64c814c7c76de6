package io.isthmus.observe.detect;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One observation behind an alert, as a person checks it in Wireshark: the frame number and time,
 * the function, the address, and what about it matters.
 *
 * @param frame 1-based frame number in the capture, 0 when unknown
 */
public record EvidenceItem(
        long timeNanos, long frame, int function, String functionName, OptionalLong address, String detail) {
    public EvidenceItem {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(detail, "detail");
    }
}
