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

    /** The current tag, read by the last {@link #advance} (see {@link Tag} for the fields). */
    private int number;

    private boolean context;
    private Tag.Kind kind = Tag.Kind.PRIMITIVE;
    private int contentIndex;
    private long length;

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
        return advance() ? Optional.of(current()) : Optional.empty();
    }

    /**
     * Reads the next tag as {@link #next} does, without a {@link Tag} object: the reader holds it as
     * the current tag ({@link #current}, {@link #currentIsContext}, {@link #currentUnsigned} and
     * {@link #currentObjectIdentifier} read it) until the next call. The hot service parameters
     * (ReadProperty and its ACK) are read this way: no tag or {@code Optional} per tag.
     *
     * @return false at the end or after a failure, as {@link #next} is empty
     */
    public boolean advance() {
        if (atEnd()) {
            return false;
        }
        if (++tags > maxTags) {
            octets.overLimit("tag count", tags, maxTags);
            return false;
        }
        header();
        if (kind == Tag.Kind.PRIMITIVE && !(!context && number == Tag.BOOLEAN)) {
            octets.skipContent((int) Math.min(length, Integer.MAX_VALUE), number);
        }
        return !octets.failed();
    }

    /** The current tag ({@link #advance} returned true) as a {@link Tag}. */
    public Tag current() {
        return new Tag(number, context, kind, contentIndex, length);
    }

    /** {@link Tag#isContext} of the current tag. */
    public boolean currentIsContext(int n) {
        return context && kind == Tag.Kind.PRIMITIVE && number == n;
    }

    /** {@link Tag#opens} of the current tag. */
    public boolean currentOpens(int n) {
        return context && kind == Tag.Kind.OPENING && number == n;
    }

    /** {@link Tag#isApplication} of the current tag. */
    public boolean currentIsApplication(int n) {
        return !context && number == n;
    }

    /** {@link #unsigned(Tag)} of the current tag. */
    public long currentUnsigned() {
        return unsigned(number, contentIndex, length);
    }

    /**
     * The 32 bits of the current tag's object identifier (clause 20.2.14), or -1 when its length is
     * not 4 (the reader has then failed, as {@link #objectIdentifier} fails it).
     */
    public long currentObjectIdentifier() {
        if (length != 4) {
            octets.invalid("object identifier length", length);
            return -1;
        }
        return unsigned(number, contentIndex, length);
    }

    /** {@link #skipConstructed(Tag)} of the current tag. */
    public void skipCurrentConstructed() {
        skipConstructed(number);
    }

    /** Reads the header of the next tag into the current tag's fields. */
    private void header() {
        int first = octets.u8("tag");
        int n = first >>> 4;
        boolean c = (first & 0x08) != 0;
        int lvt = first & 0x07;
        if (n == EXTENDED_TAG_NUMBER) {
            n = octets.u8("extended tag number");
        }
        number = n;
        context = c;
        if (c && (lvt == OPENING || lvt == CLOSING)) {
            kind = lvt == OPENING ? Tag.Kind.OPENING : Tag.Kind.CLOSING;
            contentIndex = octets.index();
            length = 0;
            return;
        }
        long l = lvt == EXTENDED_LENGTH ? extendedLength() : lvt;
        kind = Tag.Kind.PRIMITIVE;
        contentIndex = octets.index();
        length = l;
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
        return unsigned(tag.number(), tag.contentIndex(), tag.length());
    }

    private long unsigned(int tagNumber, int contentIndex, long length) {
        if (length > 8) {
            octets.overLimit("unsigned tag " + tagNumber, length, 8);
            return 0;
        }
        long v = 0;
        byte[] b = octets.octets();
        for (int i = 0; i < length; i++) {
            v = v << 8 | b[contentIndex + i] & 0xFF;
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
        skipConstructed(opening.number());
    }

    private void skipConstructed(int opening) {
        int depth = 1;
        while (depth > 0) {
            if (!advance()) {
                if (!octets.failed()) {
                    octets.invalid("closing tag " + opening + " missing", opening);
                }
                return;
            }
            if (kind == Tag.Kind.OPENING) {
                depth++;
            } else if (kind == Tag.Kind.CLOSING) {
                depth--;
            }
        }
    }
}
