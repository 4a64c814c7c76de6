package io.isthmus.store;

import io.isthmus.model.TagPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Zero to seven leading whole segments of an ISA-95 {@link TagPath}: {@code acme/plant1} selects
 * every tag of that site, the empty prefix selects every tag. Segments follow the tag path rules, so
 * a bad prefix fails as early and as precisely as a bad path.
 */
public record TagPrefix(List<String> segments) {

    public static final TagPrefix ALL = new TagPrefix(List.of());

    private static final int DEPTH = 7;
    private static final String FILLER = "x";

    public TagPrefix {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        if (segments.size() > DEPTH) {
            throw new IllegalArgumentException(
                    "a tag prefix has at most " + DEPTH + " segments, not " + segments.size() + ": " + segments);
        }
        List<String> padded = new ArrayList<>(segments);
        while (padded.size() < DEPTH) {
            padded.add(FILLER);
        }
        new TagPath(
                padded.get(0),
                padded.get(1),
                padded.get(2),
                padded.get(3),
                padded.get(4),
                padded.get(5),
                padded.get(6));
    }

    /** Parses {@code a/b/c}; the empty string (or {@code "/"}) is {@link #ALL}; a trailing '/' is allowed. */
    public static TagPrefix parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return t.isEmpty() ? ALL : new TagPrefix(List.of(t.split("/", -1)));
    }

    public static TagPrefix of(TagPath path) {
        return new TagPrefix(path.segments());
    }

    public boolean matches(TagPath path) {
        return path.segments().subList(0, segments.size()).equals(segments);
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
