package io.isthmus.model;

import static io.isthmus.model.Components.immutableList;
import static io.isthmus.model.Components.requireNonBlank;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an event was raised, in a form a person can check: one sentence and the facts behind it, in
 * the order they should be read (for example: source, destination, function code, register, old
 * value, new value). Typed and ordered on purpose; a {@code Map<String, Object>} loses both.
 */
public record Evidence(String summary, List<Fact> facts) {

    public Evidence {
        requireNonBlank(summary, "evidence summary");
        facts = immutableList(facts, "evidence facts");
    }

    public static Evidence of(String summary, Fact... facts) {
        return new Evidence(summary, List.of(facts));
    }

    /** The same evidence with one more fact at the end. */
    public Evidence with(String name, String value) {
        List<Fact> more = new ArrayList<>(facts);
        more.add(new Fact(name, value));
        return new Evidence(summary, more);
    }

    /** The value of the first fact with this name. */
    public Optional<String> fact(String name) {
        return facts.stream()
                .filter(f -> f.name().equals(name))
                .map(Fact::value)
                .findFirst();
    }

    /**
     * One named observation. Names are short identifiers ({@code function_code}, {@code src_ip});
     * values are text as shown to a person and may be empty (an empty payload is a fact).
     */
    public record Fact(String name, String value) {
        public Fact {
            requireNonBlank(name, "fact name");
            Objects.requireNonNull(value, "value of fact " + name);
        }
    }
}
