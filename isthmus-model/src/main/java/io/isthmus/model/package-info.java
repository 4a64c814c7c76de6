/**
 * The plain records every Isthmus flow shares: tag paths and samples (CONNECT), assets and events
 * (OBSERVE), zones, conduits and Purdue levels (the one policy model), and the MITRE ATT&CK for ICS
 * catalog that events cite.
 *
 * <p>No dependencies and no I/O beyond reading the bundled technique catalog. Every type validates
 * itself in its constructor and says, in the exception message, which field is wrong, where, and
 * what would be right; nothing here uses {@code null} to mean "unknown" ({@link java.util.Optional}
 * does).
 */
package io.isthmus.model;
