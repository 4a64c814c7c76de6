package io.isthmus.wire.packet;

/** The link layer decoded (with where the network header starts), or why not. */
sealed interface LinkOutcome permits LinkHeader, PacketError {}
