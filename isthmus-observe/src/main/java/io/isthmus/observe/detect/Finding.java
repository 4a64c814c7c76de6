package io.isthmus.observe.detect;

import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a detector raises for one observation (or one ended flow) before deduplication. Findings
 * with the same {@link #key} are one alert; the first finding's title and severity stand for it.
 *
 * @param key what makes two findings the same alert, within the rule: a record of the raw hosts,
 *     protocol and numbers (built per request, so no text), compared by value
 */
record Finding(
        Rule rule,
        Severity severity,
        List<Technique> techniques,
        String title,
        Object key,
        String src,
        String dst,
        Optional<Protocol> protocol,
        String zonePath,
        List<AssetId> assets,
        EvidenceItem evidence) {

    /** Techniques by id from the bundled catalog; an unknown id fails when the class loads. */
    static List<Technique> techniques(String... ids) {
        return Arrays.stream(ids).map(AttackIcs.bundled()::technique).toList();
    }

    static Finding of(
            Rule rule,
            Severity severity,
            List<Technique> techniques,
            String title,
            Object key,
            Seen s,
            String zonePath,
            String detail) {
        return new Finding(
                rule,
                severity,
                techniques,
                title,
                key,
                s.src.toString(),
                s.dst.toString(),
                Optional.of(s.m.protocol()),
                zonePath,
                s.assets(),
                s.evidence(detail));
    }
}
