package io.isthmus.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one journal (one edge's store-and-forward log). Sequence numbers are only comparable within
 * one journal, so the historian keeps a high-water mark per name.
 */
public record JournalId(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public JournalId {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "journal name '" + name + "' must be 1 to 128 characters of A-Z a-z 0-9 _ . -");
        }
    }

    public static JournalId of(String name) {
        return new JournalId(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
