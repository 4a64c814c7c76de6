package io.isthmus.app.analyze;

import io.isthmus.wire.AttributeSink;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code attributes} object's members written straight into the line buffer as a lazily
 * described attribute list hands them over ({@code io.isthmus.wire.LazyAttributes}): no
 * {@code Attribute} and no value string per attribute. The text is the same as writing the list's
 * {@code Attribute}s one by one. {@link #start} before the first, {@link #finish} after the last.
 */
final class JsonAttributes implements AttributeSink {
    /** Slots of the member-name cache (a power of two). */
    private static final int SLOTS = 256;

    private final JsonLineBuffer json;
    private final String[] names = new String[SLOTS];
    private final byte[][] members = new byte[SLOTS][];
    private final String[] seenOnce = new String[SLOTS];
    private boolean first;
    private boolean open;

    JsonAttributes(JsonLineBuffer json) {
        this.json = json;
    }

    void start() {
        first = true;
        open = false;
    }

    /** Closes the last value's string, if there was one. */
    void finish() throws IOException {
        if (open) {
            json.raw('"');
            open = false;
        }
    }

    @Override
    public void name(String name) {
        try {
            byte[] member = member(name);
            if (member != null) {
                // The previous value's closing quote and the comma only after a first member.
                json.raw(member, first ? 2 : 0);
            } else {
                finish();
                if (!first) {
                    json.raw(',');
                }
                json.cachedString(name);
                json.raw(':');
                json.raw('"');
            }
            first = false;
            open = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code ","name":"} for a name String object seen before (names are constants of the
     * dissectors), or null the first time: one copy instead of five writes per attribute. A name is
     * kept on its second sighting, so names made per message only pass through {@code seenOnce};
     * two-way as {@link JsonLineBuffer}'s string cache (the slot and {@code slot ^ 1}).
     */
    private byte[] member(String name) {
        int slot = name.hashCode() & (SLOTS - 1);
        if (names[slot] == name) {
            return members[slot];
        }
        int other = slot ^ 1;
        if (names[other] == name) {
            return members[other];
        }
        if (seenOnce[slot] == name) {
            byte[] quoted = JsonLineBuffer.quoted(name);
            byte[] m = new byte[quoted.length + 4];
            m[0] = '"';
            m[1] = ',';
            System.arraycopy(quoted, 0, m, 2, quoted.length);
            m[m.length - 2] = ':';
            m[m.length - 1] = '"';
            if (names[slot] != null) {
                names[other] = names[slot];
                members[other] = members[slot];
            }
            names[slot] = name;
            members[slot] = m;
            return null;
        }
        seenOnce[slot] = name;
        return null;
    }

    @Override
    public void text(String s) {
        try {
            json.cachedContent(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void hex(long value, int digits) {
        try {
            json.hex(value, digits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void decimal(long value) {
        try {
            json.number(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
