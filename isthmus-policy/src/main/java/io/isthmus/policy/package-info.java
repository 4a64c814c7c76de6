/**
 * The zones-and-conduits policy of IEC 62443-3-2 as one pure piece: zones with their Purdue level,
 * networks and target security level; conduits between zones with the protocols, access kinds,
 * function codes, address ranges and unit ids they carry and which side may open connections;
 * default deny; and the IDMZ rule that an enterprise level (4, 5) never talks directly to a
 * control level (0 to 2).
 *
 * <p>{@link io.isthmus.policy.Policy#decide} is the one decision function. The passive detector
 * calls it per observed message, the inline Modbus firewall per request and the access gateway per
 * API request, so it does no I/O, keeps no mutable state and allocates only for denials.
 */
package io.isthmus.policy;
