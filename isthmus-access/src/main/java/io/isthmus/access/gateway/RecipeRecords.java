package io.isthmus.access.gateway;

import io.isthmus.model.TagPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a recipe is written into its audit records and read back after a restart: {@code recipe=NAME},
 * {@code description=…} when given, and one detail per item, {@code item.01=TAG VALUE}, numbered
 * from 1 in the recipe's order (two digits, so the sorted details keep that order). Item lists of a
 * result ({@code written}, {@code not-written}, {@code unknown}, {@code denied}) are item numbers
 * joined by commas.
 */
final class RecipeRecords {
    /** The type prefix of a recipe's records: {@code recipe.requested} … {@code recipe.executed}. */
    static final String PREFIX = "recipe";

    private RecipeRecords() {}

    /** Puts the recipe's name, description and items into {@code details}. */
    static Map<String, String> put(Map<String, String> details, Recipe r) {
        details.put("recipe", r.name());
        if (!r.description().isEmpty()) {
            details.put("description", r.description());
        }
        for (int i = 0; i < r.items().size(); i++) {
            WriteItem item = r.items().get(i);
            details.put("item." + Recipe.number(i), item.tag() + " " + item.value());
        }
        return details;
    }

    /** Item numbers ({@code 01,03}) of the given 0-based indexes. */
    static String numbers(List<Integer> indexes) {
        return indexes.stream().map(Recipe::number).collect(Collectors.joining(","));
    }

    /** The recipe a record carries, or empty for a record this version cannot read back. */
    static Optional<Recipe> read(Map<String, String> details) {
        String name = details.get("recipe");
        if (name == null) {
            return Optional.empty();
        }
        List<WriteItem> items = new ArrayList<>();
        try {
            for (int i = 0; details.containsKey("item." + Recipe.number(i)); i++) {
                String v = details.get("item." + Recipe.number(i));
                int space = v.lastIndexOf(' ');
                items.add(new WriteItem(
                        TagPath.parse(v.substring(0, space)), Double.parseDouble(v.substring(space + 1))));
            }
            return Optional.of(
                    new Recipe(name, details.getOrDefault("description", ""), items).validated(RecipeLimits.DEFAULT));
        } catch (RuntimeException bad) {
            return Optional.empty();
        }
    }
}
