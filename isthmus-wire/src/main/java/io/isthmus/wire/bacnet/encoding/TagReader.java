package io.isthmus.wire.bacnet.encoding;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Reads tags one after another from an APDU's service parameters (ASHRAE 135 clause 20.2.1),
 * checking every declared length against the octets left before use, and bounding the number of
 * tags read so that hostile input cannot make a datagram cost more than {@code maxTags} steps.
 */
public final class TagReader {
    private static final int EXTENDED_TAG_NUMBER = 15;
    private static final int EXTENDED_LENGTH = 5;
    private static final int OPENING = 6;
    private static final int CLOSING = 7;

    private final OctetReader octets;
    private final int maxTags;
    private int tags;

    public TagReader(OctetReader octets, int maxTags) {
        this.octets = octets;
        this.maxTags = maxTags;
    }

    /**
     * Reads tags from {@code buffer[start, end)} from now on, as a new reader over a new {@link
     * OctetReader} would (its octet reader is reset, the tag count starts again): one reader per
     * dissector, one thread at a time.
     */
    public TagReader reset(ByteBuffer buffer, int start, int end) {
        octets.reset(buffer, start, end);
        tags = 0;
        return this;
    }

    public OctetReader octets() {
        return octets;
    }

    public boolean atEnd() {
        return octets.remaining() == 0;
    }

    /** The next tag, with its content skipped; empty at the end or after a failure. */
    public Optional<Tag> next() {
        if (atEnd()) {
            return Optional.empty();
        }
        if (++tags > maxTags) {
            octets.overLimit("tag count", tags, maxTags);
            return Optional.empty();
        }
        Tag tag = header();
        if (tag.kind() == Tag.Kind.PRIMITIVE && !(tag.isApplication(Tag.BOOLEAN))) {
            octets.skipContent((int) Math.min(tag.length(), Integer.MAX_VALUE), tag.number());
        }
        return octets.failed() ? Optional.empty() : Optional.of(tag);
    }

    private Tag header() {
        int first = octets.u8("tag");
        int number = first >>> 4;
        boolean context = (first & 0x08) != 0;
        int lvt = first & 0x07;
        if (number == EXTENDED_TAG_NUMBER) {
            number = octets.u8("extended tag number");
        }
        if (context && lvt == OPENING) {
            return new Tag(number, true, Tag.Kind.OPENING, octets.index(), 0);
        }
        if (context && lvt == CLOSING) {
            return new Tag(number, true, Tag.Kind.CLOSING, octets.index(), 0);
        }
        long length = lvt == EXTENDED_LENGTH ? extendedLength() : lvt;
        if (!context && number == Tag.BOOLEAN) {
            return new Tag(number, false, Tag.Kind.PRIMITIVE, octets.index(), length);
        }
        return new Tag(number, context, Tag.Kind.PRIMITIVE, octets.index(), length);
    }

    /** Clause 20.2.1.3.1: one octet, or 254 then two octets, or 255 then four octets. */
    private long extendedLength() {
        int first = octets.u8("extended length");
        if (first == 254) {
            return octets.u16("extended length");
        }
        if (first == 255) {
            return octets.unsigned(4, "extended length");
        }
        return first;
    }

    /** The unsigned content of a primitive tag (clause 20.2.4), at most 8 octets. */
    public long unsigned(Tag tag) {
        if (tag.length() > 8) {
            octets.overLimit("unsigned tag " + tag.number(), tag.length(), 8);
            return 0;
        }
        long v = 0;
        for (int i = 0; i < tag.length(); i++) {
            v = v << 8 | octets.octets()[tag.contentIndex() + i] & 0xFF;
        }
        return v;
    }

    /** An object identifier (clause 20.2.14): 10 bits of type, 22 bits of instance. */
    public Optional<ObjectIdentifier> objectIdentifier(Tag tag) {
        if (tag.length() != 4) {
            octets.invalid("object identifier length", tag.length());
            return Optional.empty();
        }
        return Optional.of(ObjectIdentifier.of(unsigned(tag)));
    }

    /**
     * Skips a constructed value up to the closing tag matching {@code opening}, bounded by the tag
     * limit; fails if the closing tag never comes.
     */
    public void skipConstructed(Tag opening) {
        int depth = 1;
        while (depth > 0) {
            Optional<Tag> t = next();
            if (t.isEmpty()) {
                if (!octets.failed()) {
                    octets.invalid("closing tag " + opening.number() + " missing", opening.number());
                }
                return;
            }
            if (t.get().kind() == Tag.Kind.OPENING) {
                depth++;
            } else if (t.get().kind() == Tag.Kind.CLOSING) {
                depth--;
            }
        }
    }
}
