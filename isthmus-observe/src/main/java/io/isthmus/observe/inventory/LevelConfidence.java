package io.isthmus.observe.inventory;

/** How sure the inventory is of an asset's Purdue level. */
public enum LevelConfidence {
    /** Set by an operator in the overrides file. */
    CONFIGURED,
    /** From a role the device's own protocol behaviour proves: it answers a control protocol. */
    HIGH,
    /** From a role read off traffic patterns: polls controllers, downloads programs. */
    MEDIUM,
    /** A guess from the absence of industrial traffic. */
    LOW,
    /** No level: nothing to go by (network infrastructure spans levels). */
    NONE
}
