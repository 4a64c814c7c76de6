package io.isthmus.observe.flow;

/** Why a flow direction's byte stream ended. */
public enum CloseReason {
    /** Every byte up to the sender's FIN was delivered (RFC 9293 3.6). */
    FIN,
    /** A RST ended the connection; buffered bytes were delivered first, with gaps. */
    RESET,
    /** The flow was not seen for {@link FlowLimits#idleTimeout()}. */
    IDLE_TIMEOUT,
    /** The flow table was full and this was the least recently seen flow. */
    EVICTED,
    /** A new SYN reused the 5-tuple of a connection that had not closed. */
    PORT_REUSED,
    /** The capture ended. */
    END_OF_CAPTURE
}
