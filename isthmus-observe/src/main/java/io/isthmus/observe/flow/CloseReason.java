package io.isthmus.observe.flow;

/** Why a flow direction's byte stream ended. */
public enum CloseReason {
    /** Every byte up to the sender's FIN was delivered (RFC 9293 3.6). */
    FIN,
    /** A RST ended the connection; buffered bytes were delivered first, with gaps. */
    RESET,
    /**
     * A SYN answered by a RST from the server, which never sent a SYN of its own: nothing listens
     * on the port or the connection was refused (RFC 9293 3.10.7.1). Reported only to {@link
     * FlowListener#onFlowEnd}; the streams close with {@link #RESET}.
     */
    REFUSED,
    /** The flow was not seen for {@link FlowLimits#idleTimeout()}. */
    IDLE_TIMEOUT,
    /** The flow table was full and this was the least recently seen flow. */
    EVICTED,
    /** A new SYN reused the 5-tuple of a connection that had not closed. */
    PORT_REUSED,
    /** The capture ended. */
    END_OF_CAPTURE
}
