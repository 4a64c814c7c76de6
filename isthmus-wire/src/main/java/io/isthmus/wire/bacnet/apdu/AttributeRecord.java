package io.isthmus.wire.bacnet.apdu;

import io.isthmus.wire.Attribute;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.LazyAttributes;
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

    /**
     * Name {@code i} at {@code 2i}, its text (null for a number) at {@code 2i + 1}: one array for
     * both, made on the first attribute (many messages have none) and handed to the frozen list
     * whole.
     */
    private String[] namesAndTexts = NO_STRINGS;

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
        namesAndTexts[2 * i] = name;
        namesAndTexts[2 * i + 1] = value == null ? "null" : value; // as String.valueOf gave it before
        return this;
    }

    /** Adds {@code name} with the decimal text of {@code value}, as {@link Long#toString(long)} gives it. */
    public AttributeRecord number(String name, long value) {
        int i = slot();
        namesAndTexts[2 * i] = name;
        namesAndTexts[2 * i + 1] = null; // a number (the slot may hold a text of a message cleared before)
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
        Described d = new Described(namesAndTexts, numbers, size);
        expected = Math.max(4, size);
        namesAndTexts = NO_STRINGS;
        numbers = NO_NUMBERS;
        size = 0;
        return d;
    }

    /** Forgets the attributes added since the last {@link #freeze} (a message given up). */
    public void clear() {
        size = 0;
    }

    /** The next attribute's index, the arrays grown when full (by plain copies: no reflection). */
    private int slot() {
        if (size == numbers.length) {
            int capacity = size == 0 ? expected : size * 2;
            String[] s = new String[2 * capacity];
            System.arraycopy(namesAndTexts, 0, s, 0, 2 * size);
            long[] n = new long[capacity];
            System.arraycopy(numbers, 0, n, 0, size);
            namesAndTexts = s;
            numbers = n;
        }
        return size++;
    }

    /** The frozen attributes: a text where one was given, else the number in decimal. */
    private static final class Described extends LazyAttributes {
        private final String[] namesAndTexts;
        private final long[] numbers;
        private final int size;

        /** Takes the arrays: nothing else writes them after this. */
        Described(String[] namesAndTexts, long[] numbers, int size) {
            this.namesAndTexts = namesAndTexts;
            this.numbers = numbers;
            this.size = size;
        }

        @Override
        public void writeTo(AttributeSink sink) {
            for (int i = 0; i < size; i++) {
                sink.name(namesAndTexts[2 * i]);
                String text = namesAndTexts[2 * i + 1];
                if (text != null) {
                    sink.text(text);
                } else {
                    sink.decimal(numbers[i]);
                }
            }
        }
    }
}
