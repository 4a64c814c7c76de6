package io.isthmus.insight.oee;

import java.util.Objects;

/** Names of the points under a machine's equipment path that OEE reads. */
public record OeePoints(String state, String faultCode, String goodCount, String rejectCount) {
    /** The virtual factory's (and config/edge.yaml's) point names. */
    public static final OeePoints DEFAULT = new OeePoints("state", "faultCode", "goodCount", "rejectCount");

    public OeePoints {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(faultCode, "faultCode");
        Objects.requireNonNull(goodCount, "goodCount");
        Objects.requireNonNull(rejectCount, "rejectCount");
    }
}
