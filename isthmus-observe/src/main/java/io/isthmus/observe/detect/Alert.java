package io.isthmus.observe.detect;

import io.isthmus.model.Event;
import io.isthmus.model.Protocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deduplicated alert: the model {@link Event} (time of the first occurrence, severity,
 * techniques, assets, evidence summary) with what an analyst filters on and the observations that
 * prove it.
 *
 * @param src the requesting side (IP, or MAC for frames without IP)
 * @param dst the answering side; for a scan, the scanned host
 * @param zonePath {@code client zone -> server zone}, {@code ?} for an address in no zone, empty
 *     without a policy
 * @param count how many times it happened; {@link #evidence} holds the first few
 */
public record Alert(
        Event event,
        Rule rule,
        String src,
        String dst,
        Optional<Protocol> protocol,
        String zonePath,
        long count,
        long firstNanos,
        long lastNanos,
        List<EvidenceItem> evidence) {
    public Alert {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(zonePath, "zonePath");
        evidence = List.copyOf(evidence);
    }
}
