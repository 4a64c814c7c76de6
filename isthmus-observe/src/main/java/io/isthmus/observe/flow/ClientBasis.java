package io.isthmus.observe.flow;

/** How the flow table decided which endpoint is the client, strongest first. */
public enum ClientBasis {
    /** It sent a SYN without ACK (RFC 9293 3.5: the active opener). */
    SYN,
    /** The other side sent a SYN with ACK: the handshake's second step was the first seen. */
    SYN_ACK,
    /** Mid-stream start: the other side uses a well-known or registered server port and it does not. */
    PORT,
    /** Nothing better: it sent the first packet seen. */
    FIRST_PACKET
}
