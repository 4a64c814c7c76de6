package io.isthmus.wire;

/**
 * Where a message's attributes go when they are produced on demand ({@link LazyAttributes}): the
 * JSON writer of {@code isthmus analyze} writes them as bytes straight into its buffer, and
 * {@link LazyAttributes#get} collects them as {@link Attribute}s for the readers that ask (detection,
 * inventory). A dissector therefore records numbers, and the hex or decimal text of a number is
 * only made by whoever needs it, once per written message instead of once per decoded one.
 *
 * <p>Calls come in order: {@link #name} starts an attribute, the appends after it make its value.
 */
public interface AttributeSink {

    /** Starts the next attribute; its value is what the following appends write (may be none). */
    void name(String name);

    /** Appends text to the current value. */
    void text(String s);

    /** Appends what {@link HexText#of(long, int)} gives for the value and digits. */
    void hex(long value, int digits);

    /** Appends the value in decimal, as {@link Long#toString(long)} gives it. */
    void decimal(long value);
}
