package io.isthmus.access.gateway;

/**
 * The bounds of a recipe (a named set of setpoints written together).
 *
 * <p>{@code maxItems} follows from the audit record: every record of a recipe's chain carries each
 * item as one detail ({@code item.NN=tag value}), and a record holds at most 32 details
 * ({@code AuditLimits.DEFAULT}) of which up to eight are the chain's own (recipe, requester, expires,
 * conduit, written, not-written, unknown, reason). 24 items is also more than a filler's or
 * oven's product recipe usually has (fill volume, speed, temperatures, times).
 *
 * @param maxItems items per recipe
 * @param maxName characters of a recipe's name
 * @param maxDescription characters of its optional description
 */
public record RecipeLimits(int maxItems, int maxName, int maxDescription) {
    public static final RecipeLimits DEFAULT = new RecipeLimits(24, 64, 200);

    /** Details of a recipe record that are not items; with the items they fit one audit record. */
    static final int OWN_DETAILS = 8;

    public RecipeLimits {
        if (maxItems < 1
                || maxItems > 32 - OWN_DETAILS
                || maxName < 1
                || maxName > 256
                || maxDescription < 0
                || maxDescription > 1000) {
            throw new IllegalArgumentException("a recipe has 1.." + (32 - OWN_DETAILS)
                    + " items, a name of 1..256 and a description of 0..1000 characters, not " + maxItems + ", "
                    + maxName + ", " + maxDescription);
        }
    }
}
