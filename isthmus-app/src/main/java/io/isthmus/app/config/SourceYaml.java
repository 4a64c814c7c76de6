package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.RequestBudget;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.SourceKind;
import java.util.Map;
import java.util.Set;

/** One source as written in the tag configuration; unset fields take {@link SourceConfig.Builder}'s defaults. */
final class SourceYaml {
    private static final Set<String> BUDGET = Set.of("requests-per-second", "burst", "max-in-flight");
    private static final Set<String> BACKOFF = Set.of("initial", "max", "multiplier", "jitter");

    final SourceConfig config;

    @JsonCreator
    SourceYaml(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty(value = "endpoint", required = true) String endpoint,
            @JsonProperty("unit-id") Integer unitId,
            @JsonProperty("connect-timeout") String connectTimeout,
            @JsonProperty("request-timeout") String requestTimeout,
            @JsonProperty("budget") Map<String, Object> budget,
            @JsonProperty("max-registers-per-request") Integer maxRegisters,
            @JsonProperty("max-bits-per-request") Integer maxBits,
            @JsonProperty("max-gap") Integer maxGap,
            @JsonProperty("poll-rate") String pollRate,
            @JsonProperty("stale-after-periods") Integer staleAfter,
            @JsonProperty("backoff") Map<String, Object> backoff) {
        this.config = SourceConfig.create(id, HostPort.parse(endpoint), b -> {
            b.kind = SourceKind.parse(kind);
            if (unitId != null) b.unitId = unitId;
            if (connectTimeout != null) b.connectTimeout = DurationText.parse(connectTimeout);
            if (requestTimeout != null) b.requestTimeout = DurationText.parse(requestTimeout);
            if (budget != null) b.budget = budget(budget);
            if (maxRegisters != null) b.maxRegistersPerRequest = maxRegisters;
            if (maxBits != null) b.maxBitsPerRequest = maxBits;
            if (maxGap != null) b.maxGap = maxGap;
            if (pollRate != null) b.pollRate = DurationText.parse(pollRate);
            if (staleAfter != null) b.staleAfterPeriods = staleAfter;
            if (backoff != null) b.backoff = backoff(backoff);
        });
    }

    private static RequestBudget budget(Map<String, Object> m) {
        known("budget", m, BUDGET);
        var d = RequestBudget.DEFAULT;
        return new RequestBudget(
                number(m, "requests-per-second", d.requestsPerSecond()), (int) number(m, "burst", d.burst()), (int)
                        number(m, "max-in-flight", d.maxInFlight()));
    }

    static BackoffConfig backoff(Map<String, Object> m) {
        known("backoff", m, BACKOFF);
        var d = BackoffConfig.DEFAULT;
        return new BackoffConfig(
                m.containsKey("initial") ? DurationText.parse(String.valueOf(m.get("initial"))) : d.initial(),
                m.containsKey("max") ? DurationText.parse(String.valueOf(m.get("max"))) : d.max(),
                number(m, "multiplier", d.multiplier()),
                number(m, "jitter", d.jitter()));
    }

    static void known(String name, Map<String, Object> m, Set<String> allowed) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(
                        "unknown field '" + k + "' in " + name + "; expected one of " + allowed);
            }
        }
    }

    static double number(Map<String, Object> m, String key, double fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(key + " must be a number, was '" + v + "'");
    }
}
