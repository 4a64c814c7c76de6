package io.isthmus.model;

/** Where an event comes from; the console and correlation treat each kind differently. */
public enum EventKind {
    /** The passive sensor saw traffic that breaks policy or matches a detection. */
    NETWORK_ALERT,
    /** A machine reported or showed a fault: an alarm bit, a stopped drive, a process out of range. */
    MACHINE_FAULT,
    /** The access gateway or inline firewall allowed or refused an operation. */
    ACCESS_DECISION,
    /** Samples were lost: a journal overflowed, a diode link dropped data. */
    DATA_LOSS,
    /** Isthmus itself: a component started, stopped, or failed. */
    SYSTEM
}
