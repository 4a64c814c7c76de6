package io.isthmus.model;

/**
 * How far a sample can be trusted. Mirrors the OPC UA status classes (Good, Uncertain, Bad) with
 * the reasons a collector can know for itself.
 */
public enum Quality {
    /** Read from the device in this cycle. */
    GOOD,
    /** The last good value, repeated because the current poll did not arrive in time. */
    STALE,
    /** No value: the device could not be reached. */
    BAD_COMM,
    /** No value: the device answered with an error (for example a Modbus exception). */
    BAD_DEVICE;

    public boolean isGood() {
        return this == GOOD;
    }
}
