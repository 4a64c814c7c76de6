package io.isthmus.wire.enip;

/**
 * One Common Packet Format item: its type id and where its data is ({@code dataAt} is an absolute
 * index valid only while the message's buffer is being decoded).
 */
public record CpfItem(int typeId, int dataAt, int length) {

    public CpfItemType type() {
        return CpfItemType.of(typeId);
    }
}
