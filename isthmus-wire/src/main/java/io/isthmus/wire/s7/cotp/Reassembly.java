package io.isthmus.wire.s7.cotp;

import java.nio.ByteBuffer;

/** The outcome of handing one DT fragment to a {@link CotpReassembler}. */
public sealed interface Reassembly {

    /** The fragment is kept; the TSDU is not complete yet. */
    record Pending(int fragments, int octets) implements Reassembly {}

    /** The TSDU is complete: {@code tsdu} holds it from position 0 (big-endian, a fresh buffer). */
    record Complete(ByteBuffer tsdu) implements Reassembly {}

    /** The limit was crossed; the TSDU is dropped up to and including its final fragment. */
    record Failed(CotpError error, int value) implements Reassembly {}

    /** The fragment belongs to a TSDU already dropped after a failure and is ignored. */
    record Discarded() implements Reassembly {}
}
