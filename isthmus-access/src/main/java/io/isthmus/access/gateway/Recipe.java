package io.isthmus.access.gateway;

import io.isthmus.model.TagPath;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named set of setpoints written together (e.g. the filler's "bottle-500ml": fill volume, speed,
 * temperature): decided item by item, approved once as a whole, executed as one unit.
 *
 * @param name 1..{@link RecipeLimits#maxName()} of letters, digits and {@code . _ -}
 * @param description free text for the approver, at most {@link RecipeLimits#maxDescription()}
 *     printable characters; empty when none
 * @param items 1..{@link RecipeLimits#maxItems()} changes, each tag at most once
 */
public record Recipe(String name, String description, List<WriteItem> items) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Recipe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        items = List.copyOf(items);
    }

    /** This recipe checked against {@code limits}; {@link IllegalArgumentException} naming what is wrong. */
    public Recipe validated(RecipeLimits limits) {
        if (name.isEmpty()
                || name.length() > limits.maxName()
                || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a recipe's name is 1.." + limits.maxName()
                    + " letters, digits and . _ - starting with a letter or digit, not '" + name + "'");
        }
        if (description.length() > limits.maxDescription()
                || description.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a recipe's description is at most " + limits.maxDescription()
                    + " characters without control characters");
        }
        if (items.isEmpty() || items.size() > limits.maxItems()) {
            throw new IllegalArgumentException("a recipe has 1.." + limits.maxItems() + " items, not " + items.size());
        }
        Set<TagPath> seen = new HashSet<>();
        for (WriteItem i : items) {
            if (!seen.add(i.tag())) {
                throw new IllegalArgumentException("tag " + i.tag() + " appears twice in recipe " + name);
            }
        }
        return this;
    }

    /** The number an item has in the audit records, 1-based and two digits ({@code 01}) so they sort. */
    public static String number(int index) {
        return String.format(java.util.Locale.ROOT, "%02d", index + 1);
    }
}
