package io.isthmus.wire.dnp3.transport;

/**
 * Which stream of segments a segment belongs to: a fragment is reassembled per link direction and
 * address pair (IEEE 1815-2012 clause 8), so an outstation's response and another outstation's
 * on the same connection never mix.
 */
public record ReassemblyKey(boolean fromMaster, int source, int destination) {}
