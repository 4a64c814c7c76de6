package io.isthmus.wire.packet;

/** A UDP header (RFC 768). {@code length} is the header's Length field, header included. */
public record UdpHeader(int srcPort, int dstPort, int length) implements Transport {}
