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
    private final JsonLineBuffer json;
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
            finish();
            if (!first) {
                json.raw(',');
            }
            first = false;
            json.cachedString(name);
            json.raw(':');
            json.raw('"');
            open = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
