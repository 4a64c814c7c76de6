package io.isthmus.policy.pdp;

import io.isthmus.policy.AccessDecision.Outcome;

/**
 * One decision point under comparison, over the request tables it was built with: each engine
 * converts the tables into its own request form once, so that a decision measures the engine.
 */
interface Pdp {
    String name();

    /** Whether the zones-and-conduits policy allows operation {@code i} of the table. */
    boolean zoneAllows(int i);

    /** The access rules' answer to query {@code i} of the table. */
    Outcome access(int i);
}
