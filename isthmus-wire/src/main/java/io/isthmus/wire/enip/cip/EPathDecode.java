package io.isthmus.wire.enip.cip;

/** The outcome of decoding a padded EPATH. */
public sealed interface EPathDecode {

    record Decoded(EPath path) implements EPathDecode {}

    /** Invalid at absolute index {@code offset}; {@code partial} holds the segments before it. */
    record Invalid(CipError error, int offset, int value, EPath partial) implements EPathDecode {}
}
