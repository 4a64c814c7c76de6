package io.isthmus.wire;

/**
 * An {@link AttributeSink} that collects the parts of one value as text: what {@code
 * EPath.text()}, {@code ObjectHeader.describe()} and the {@link LazyAttributes} list view read when
 * they need a {@code String} instead of the JSON writer's buffer. One value has no attribute names.
 */
public final class ValueText implements AttributeSink {
    private final StringBuilder text;

    public ValueText(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void name(String name) {
        throw new IllegalStateException("one value has no attribute names (got " + name + ")");
    }

    @Override
    public void text(String s) {
        text.append(s);
    }

    @Override
    public void hex(long value, int digits) {
        text.append(HexText.of(value, digits));
    }

    @Override
    public void decimal(long value) {
        text.append(value);
    }

    /** Forgets what was collected, so the next value can start. */
    void clear() {
        text.setLength(0);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
