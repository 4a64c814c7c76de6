package io.isthmus.model;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks shared by the compact constructors of the model records. {@code Set.copyOf} and {@code
 * List.copyOf} reject a null element without saying which component held it; these name it.
 */
final class Components {
    private Components() {}

    static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static <T> Set<T> immutableSet(Set<T> values, String name) {
        requireNoNullElement(values, name);
        return Set.copyOf(values);
    }

    static <T> List<T> immutableList(List<T> values, String name) {
        requireNoNullElement(values, name);
        return List.copyOf(values);
    }

    private static void requireNoNullElement(Collection<?> values, String name) {
        Objects.requireNonNull(values, name);
        int index = 0;
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException(name + " must not contain null (element " + index + ")");
            }
            index++;
        }
    }
}
