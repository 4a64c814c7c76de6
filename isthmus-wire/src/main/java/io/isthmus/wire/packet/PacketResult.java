package io.isthmus.wire.packet;

/** What {@link PacketDecoder} makes of one captured packet: its headers, or where they stop making sense. */
public sealed interface PacketResult permits DecodedPacket, PacketError {}
