/**
 * Asset inventory from observations and flows (issue 5, item 1): which devices are on the network,
 * what they are (vendor from the IEEE OUI registry, model, firmware and serial from the identity
 * they report over their protocols), what they do (role, with the evidence for it), where they sit
 * (Purdue level with a confidence, or as configured), whom they talk to, and what changed since a
 * previous inventory. Bounded by {@link io.isthmus.observe.inventory.InventoryLimits}.
 */
package io.isthmus.observe.inventory;
