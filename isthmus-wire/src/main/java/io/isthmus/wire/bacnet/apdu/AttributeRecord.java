package io.isthmus.wire.bacnet.apdu;

import io.isthmus.wire.Attribute;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.LazyAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * A BACnet message's attributes as the dissector finds them: each a name with either a text (a
 * name from a table, an address, a decoded string) or a number, kept as a number. The decimal
 * text of a number is made only when the attributes are read ({@link LazyAttributes}): in {@code
 * analyze} by the JSON writer's thread, not the decoding thread (perf12m). Filled by one thread,
 * then {@link #freeze() frozen} into an immutable list.
 */
public final class AttributeRecord {
    private static final String[] NO_STRINGS = {};
    private static final long[] NO_NUMBERS = {};

    /** Made on the first attribute (many messages have none), handed to the frozen list whole. */
    private String[] names = NO_STRINGS;

    private String[] texts = NO_STRINGS;
    private long[] numbers = NO_NUMBERS;
    private int size;
    /**
     * Slots to make for the next message's first attribute: the size of the last frozen list (at
     * least 4). A dissector reuses its record, and the messages of one flow direction mostly have
     * the same number of attributes, so the arrays are made once at the right size, not grown.
     */
    private int expected = 4;

    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds {@code name} with the text {@code value}. */
    public AttributeRecord text(String name, String value) {
        int i = slot();
        names[i] = name;
        texts[i] = value == null ? "null" : value; // as String.valueOf gave it before
        return this;
    }

    /** Adds {@code name} with the decimal text of {@code value}, as {@link Long#toString(long)} gives it. */
    public AttributeRecord number(String name, long value) {
        int i = slot();
        names[i] = name;
        texts[i] = null; // a number (the slot may hold a text of a message cleared before)
        numbers[i] = value;
        return this;
    }

    /** Adds {@code name} with {@code "true"} or {@code "false"}. */
    public AttributeRecord flag(String name, boolean value) {
        return text(name, value ? "true" : "false");
    }

    /**
     * The attributes as an immutable list ({@code List.of()} when there are none). The list takes
     * this record's arrays as they are (no copy); the record starts empty again with new ones.
     */
    public List<Attribute> freeze() {
        if (size == 0) {
            return List.of();
        }
        Described d = new Described(names, texts, numbers, size);
        expected = Math.max(4, size);
        names = NO_STRINGS;
        texts = NO_STRINGS;
        numbers = NO_NUMBERS;
        size = 0;
        return d;
    }

    /** Forgets the attributes added since the last {@link #freeze} (a message given up). */
    public void clear() {
        size = 0;
    }

    private int slot() {
        if (size == names.length) {
            int capacity = size == 0 ? expected : size * 2;
            names = Arrays.copyOf(names, capacity);
            texts = Arrays.copyOf(texts, capacity);
            numbers = Arrays.copyOf(numbers, capacity);
        }
        return size++;
    }

    /** The frozen attributes: a text where one was given, else the number in decimal. */
    private static final class Described extends LazyAttributes {
        private final String[] names;
        private final String[] texts;
        private final long[] numbers;
        private final int size;

        /** Takes the arrays: nothing else writes them after this. */
        Described(String[] names, String[] texts, long[] numbers, int size) {
            this.names = names;
            this.texts = texts;
            this.numbers = numbers;
            this.size = size;
        }

        @Override
        public void writeTo(AttributeSink sink) {
            for (int i = 0; i < size; i++) {
                sink.name(names[i]);
                if (texts[i] != null) {
                    sink.text(texts[i]);
                } else {
                    sink.decimal(numbers[i]);
                }
            }
        }
    }
}
