package io.isthmus.access.firewall;

/** What the client sees when a request is denied. */
public enum DenyAction {
    /**
     * A Modbus exception response (section 7 of the application protocol): the client learns at
     * once and its poller does not wait for a timeout.
     */
    EXCEPTION,
    /** Nothing: the request vanishes, as behind a packet filter; the client times out. */
    DROP
}
