package io.isthmus.wire.packet;

/** The transport layer of a packet, when this decoder opens it. */
public sealed interface Transport permits TcpHeader, UdpHeader, Transport.None {

    /** No transport header here: not IP, a non-first fragment, or a protocol other than TCP and UDP. */
    record None() implements Transport {}

    None NONE = new None();
}
