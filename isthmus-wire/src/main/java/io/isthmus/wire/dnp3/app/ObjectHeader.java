package io.isthmus.wire.dnp3.app;

import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.ValueText;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One object header (IEEE 1815-2012 clause 4, object headers): group and variation, the raw
 * qualifier octet, the range it names and, when known, the first point index it touches (the range start or
 * the first index prefix).
 */
public record ObjectHeader(int group, int variation, int qualifier, ObjectRange range, OptionalLong firstIndex) {
    public ObjectHeader {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(firstIndex, "firstIndex");
    }

    public PrefixCode prefix() {
        return PrefixCode.of(qualifier >> 4 & 0x07);
    }

    public RangeCode rangeCode() {
        return RangeCode.of(qualifier & 0x0F);
    }

    /** A compact form for reports: {@code g12v1 q0x28 n=1 @5}. */
    public String describe() {
        ValueText text = new ValueText(32);
        describeTo(text);
        return text.toString();
    }

    /**
     * Appends {@link #describe()}'s text to the current value of {@code out}: the DNP3 summary
     * describes every object header of every fragment, and its attributes are written on demand
     * ({@link io.isthmus.wire.LazyAttributes}), so the numbers go to the sink as numbers.
     */
    public void describeTo(AttributeSink out) {
        out.text("g");
        out.decimal(group);
        out.text("v");
        out.decimal(variation);
        out.text(QUALIFIERS[qualifier & 0xFF]);
        switch (range) {
            case ObjectRange.StartStop s -> {
                out.text(" [");
                out.decimal(s.start());
                out.text("..");
                out.decimal(s.stop());
                out.text("]");
            }
            case ObjectRange.Count c -> {
                out.text(" n=");
                out.decimal(c.count());
            }
            case ObjectRange.All a -> {}
        }
        if (firstIndex.isPresent() && !(range instanceof ObjectRange.StartStop)) {
            out.text(" @");
            out.decimal(firstIndex.getAsLong());
        }
    }

    /** {@code " q0x"} and the qualifier octet in two lower-case hex digits, per octet. */
    private static final String[] QUALIFIERS = new String[256];

    static {
        String hex = "0123456789abcdef";
        for (int q = 0; q < 256; q++) {
            QUALIFIERS[q] = " q0x" + hex.charAt(q >> 4) + hex.charAt(q & 0xF);
        }
    }
}
