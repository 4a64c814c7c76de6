package io.isthmus.wire.s7.cotp;

/** The outcome of decoding one COTP TPDU. */
public sealed interface CotpDecode {

    record Decoded(CotpTpdu tpdu) implements CotpDecode {}

    /** Invalid at absolute index {@code offset}; {@code value} is the offending field value. */
    record Invalid(CotpError error, int offset, int value) implements CotpDecode {}
}
