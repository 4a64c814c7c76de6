package io.isthmus.wire;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list made by appending one element to another: one array copy, where a mutable
 * copy followed by {@link List#copyOf} made two and a list object more. {@link MessageSummary}'s
 * {@code with...} chain appends attributes and anomalies one at a time on the dissect hot path.
 */
final class AppendedList<E> extends AbstractList<E> implements RandomAccess {
    /** {@code List.of()}, one shared instance: most summaries have no anomalies, many no attributes. */
    private static final List<?> NONE = List.of();

    private final Object[] elements;

    private AppendedList(Object[] elements) {
        this.elements = elements;
    }

    static <E> List<E> append(List<E> list, E element) {
        Objects.requireNonNull(element, "element");
        int n = list.size();
        Object[] a = new Object[n + 1];
        if (list instanceof AppendedList<E> l) {
            System.arraycopy(l.elements, 0, a, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                a[i] = list.get(i);
            }
        }
        a[n] = element;
        return new AppendedList<>(a);
    }

    /**
     * The list itself when it is already unmodifiable (ours, lazily built attributes or the JDK's),
     * else a copy.
     */
    static <E> List<E> frozen(List<E> list) {
        return list == NONE || list instanceof AppendedList<E> || list instanceof LazyAttributes
                ? list
                : List.copyOf(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, elements.length);
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }
}
