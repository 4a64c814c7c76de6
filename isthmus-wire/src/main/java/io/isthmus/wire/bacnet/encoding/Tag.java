package io.isthmus.wire.bacnet.encoding;

/**
 * One tag of the APDU encoding (ASHRAE 135 clause 20.2.1): its number, class, and either a
 * primitive content of {@code length} octets starting at {@code contentIndex}, or an opening or
 * closing marker of a constructed context value.
 *
 * @param contentIndex absolute index of the content in the buffer
 * @param length content octets; for an application Boolean, the value itself (clause 20.2.3)
 */
public record Tag(int number, boolean context, Kind kind, int contentIndex, long length) {

    /** Primitive data, or the brackets of constructed data (clause 20.2.1.3.2). */
    public enum Kind {
        PRIMITIVE,
        OPENING,
        CLOSING
    }

    /** Application tag numbers (clause 20.2.1.4, Table 20-1) the dissector reads. */
    public static final int UNSIGNED = 2;

    public static final int CHARACTER_STRING = 7;
    public static final int ENUMERATED = 9;
    public static final int OBJECT_IDENTIFIER = 12;
    public static final int BOOLEAN = 1;

    public boolean isContext(int n) {
        return context && kind == Kind.PRIMITIVE && number == n;
    }

    public boolean isApplication(int n) {
        return !context && number == n;
    }

    public boolean opens(int n) {
        return context && kind == Kind.OPENING && number == n;
    }
}
