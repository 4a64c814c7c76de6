package io.isthmus.wire.dnp3.app;

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

    /** The same header once its first index prefix has been read. */
    ObjectHeader withFirstIndex(long index) {
        return new ObjectHeader(group, variation, qualifier, range, OptionalLong.of(index));
    }

    /** A compact form for reports: {@code g12v1 q0x28 n=1 @5}. */
    public String describe() {
        // Built by hand (no String.format): one per object header of every DNP3 fragment.
        StringBuilder text = new StringBuilder(32)
                .append('g')
                .append(group)
                .append('v')
                .append(variation)
                .append(" q0x")
                .append(LOWER_HEX[(qualifier >> 4) & 0xF])
                .append(LOWER_HEX[qualifier & 0xF]);
        switch (range) {
            case ObjectRange.StartStop s ->
                text.append(" [")
                        .append(s.start())
                        .append("..")
                        .append(s.stop())
                        .append(']');
            case ObjectRange.Count c -> text.append(" n=").append(c.count());
            case ObjectRange.All a -> {}
        }
        if (firstIndex.isPresent() && !(range instanceof ObjectRange.StartStop)) {
            text.append(" @").append(firstIndex.getAsLong());
        }
        return text.toString();
    }

    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();
}
