package io.isthmus.connect.config;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One device the edge polls.
 *
 * @param id name tags refer to; letters, digits, {@code _ - .}
 * @param kind Modbus/TCP or RTU over TCP
 * @param endpoint host and port of the device or gateway
 * @param unitId unit identifier (1..247; 255 addresses a TCP device by IP alone; 0 is broadcast
 *     and never answers, so it is refused)
 * @param connectTimeout how long a TCP connect may take
 * @param requestTimeout how long one response may take; after it the connection is dropped
 * @param budget request rate and in-flight limits
 * @param maxRegistersPerRequest largest register block one read asks for (1..125, section 6.3)
 * @param maxBitsPerRequest largest coil/discrete block one read asks for (1..2000, section 6.1)
 * @param maxGap unused addresses a coalesced block may span between two tags (0..124)
 * @param pollRate poll period of tags that do not set their own
 * @param staleAfterPeriods a tag is STALE when no poll succeeded for this many periods (>= 1)
 * @param backoff reconnect delays
 */
public record SourceConfig(
        String id,
        SourceKind kind,
        HostPort endpoint,
        int unitId,
        Duration connectTimeout,
        Duration requestTimeout,
        RequestBudget budget,
        int maxRegistersPerRequest,
        int maxBitsPerRequest,
        int maxGap,
        Duration pollRate,
        int staleAfterPeriods,
        BackoffConfig backoff) {

    public SourceConfig {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "source id must be 1..64 of letters, digits, '_', '-', '.', was '" + id + "'");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(backoff, "backoff");
        if (unitId < 1 || unitId > 255 || (unitId > 247 && unitId != 255)) {
            throw new IllegalArgumentException(id + ": unitId must be 1..247 or 255, was " + unitId);
        }
        requirePositive(id, "connectTimeout", connectTimeout);
        requirePositive(id, "requestTimeout", requestTimeout);
        requirePositive(id, "pollRate", pollRate);
        if (pollRate.toMillis() < 1) {
            throw new IllegalArgumentException(id + ": pollRate must be at least 1ms, was " + pollRate);
        }
        requireRange(id, "maxRegistersPerRequest", maxRegistersPerRequest, 1, 125);
        requireRange(id, "maxBitsPerRequest", maxBitsPerRequest, 1, 2000);
        requireRange(id, "maxGap", maxGap, 0, 124);
        requireRange(id, "staleAfterPeriods", staleAfterPeriods, 1, 1000);
    }

    private static void requirePositive(String id, String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(id + ": " + name + " must be positive and at most 1d, was " + d);
        }
    }

    private static void requireRange(String id, String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(id + ": " + name + " must be " + min + ".." + max + ", was " + v);
        }
    }

    /** A source with the defaults, changed by {@code configure}. */
    public static SourceConfig create(String id, HostPort endpoint, Consumer<Builder> configure) {
        var b = new Builder(id, endpoint);
        configure.accept(b);
        return b.build();
    }

    /**
     * Defaults: Modbus/TCP, unit 1, connect 3s, request 2s, {@link RequestBudget#DEFAULT}, 125
     * registers and 2000 bits per read, gap 10, poll 1s, stale after 3 periods, {@link
     * BackoffConfig#DEFAULT}.
     */
    public static final class Builder {
        private final String id;
        private final HostPort endpoint;
        public SourceKind kind = SourceKind.MODBUS_TCP;
        public int unitId = 1;
        public Duration connectTimeout = Duration.ofSeconds(3);
        public Duration requestTimeout = Duration.ofSeconds(2);
        public RequestBudget budget = RequestBudget.DEFAULT;
        public int maxRegistersPerRequest = 125;
        public int maxBitsPerRequest = 2000;
        public int maxGap = 10;
        public Duration pollRate = Duration.ofSeconds(1);
        public int staleAfterPeriods = 3;
        public BackoffConfig backoff = BackoffConfig.DEFAULT;

        private Builder(String id, HostPort endpoint) {
            this.id = id;
            this.endpoint = endpoint;
        }

        public SourceConfig build() {
            return new SourceConfig(
                    id,
                    kind,
                    endpoint,
                    unitId,
                    connectTimeout,
                    requestTimeout,
                    budget,
                    maxRegistersPerRequest,
                    maxBitsPerRequest,
                    maxGap,
                    pollRate,
                    staleAfterPeriods,
                    backoff);
        }
    }
}
