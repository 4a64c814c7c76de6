package io.isthmus.observe.session;

/**
 * Every bound of the session layer, so memory per flow and per sensor stays fixed whatever the
 * traffic.
 *
 * @param maxHeldBytes bytes one flow direction may hold while a dissector needs more (the largest
 *     message of any protocol's limits; beyond it the bytes are dropped and an anomaly counted)
 * @param maxPendingRequests unanswered requests remembered per flow for pairing (oldest dropped
 *     and counted as unanswered)
 * @param maxProbes payloads of a flow offered to identification before it is left unidentified
 * @param maxTalkers distinct addresses counted per protocol for the top-talkers list
 * @param maxAnomalyCodes distinct anomaly codes counted per protocol (others under "other")
 * @param maxFunctions distinct function codes counted per protocol (others under -1)
 */
public record SessionLimits(
        int maxHeldBytes,
        int maxPendingRequests,
        int maxProbes,
        int maxTalkers,
        int maxAnomalyCodes,
        int maxFunctions) {

    /** 64 KiB held per direction, 256 pending requests per flow, 4 probes, 4096 talkers. */
    public static final SessionLimits DEFAULT = new SessionLimits(65_536, 256, 4, 4096, 256, 512);

    public SessionLimits {
        positive("maxHeldBytes", maxHeldBytes);
        positive("maxPendingRequests", maxPendingRequests);
        positive("maxProbes", maxProbes);
        positive("maxTalkers", maxTalkers);
        positive("maxAnomalyCodes", maxAnomalyCodes);
        positive("maxFunctions", maxFunctions);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
