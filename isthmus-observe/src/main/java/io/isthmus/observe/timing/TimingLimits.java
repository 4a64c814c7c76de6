package io.isthmus.observe.timing;

/**
 * Bounds of {@link ConduitTiming}: its memory is at most about {@code maxConduits × (3 × 2.3 KiB +
 * maxCyclesPerConduit × 48 B)}, 30 MiB with the defaults, whatever the capture holds.
 *
 * @param maxConduits client/server/protocol triples timed; traffic of further ones is counted in
 *     {@link ConduitTiming#untrackedConduits()} and not timed
 * @param maxCyclesPerConduit distinct request signatures (function, unit, address, quantity) whose
 *     polling period is followed per conduit; requests with further signatures are not part of a
 *     cycle measurement
 */
public record TimingLimits(int maxConduits, int maxCyclesPerConduit) {
    /** 4,096 conduits, 32 polled blocks each. */
    public static final TimingLimits DEFAULT = new TimingLimits(4_096, 32);

    public TimingLimits {
        if (maxConduits < 1) {
            throw new IllegalArgumentException("maxConduits must be at least 1, got " + maxConduits);
        }
        if (maxCyclesPerConduit < 1) {
            throw new IllegalArgumentException("maxCyclesPerConduit must be at least 1, got " + maxCyclesPerConduit);
        }
    }
}
