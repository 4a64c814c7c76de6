package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.access.gateway.RecipeLimits;
import io.isthmus.access.gateway.WriteItem;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.model.TagPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Binds a gateway's file of named recipes ({@code gateway.recipes}, docs/access.md "Named
 * recipes"): the reviewed sets a plant engineer applies by name.
 *
 * <pre>
 * recipes:
 *   - name: bottle-500ml
 *     description: 500 ml PET
 *     items:
 *       - { tag: acme/…/filler/plc/fillVolume, value: 500 }
 * </pre>
 *
 * Each recipe is checked like an ad hoc one ({@link Recipe#validated}, {@link RecipeLimits#DEFAULT})
 * and by {@code check} (every tag in the device table, a holding register, the value in range, no
 * overlap); a mistake is {@code file:line:column: recipes[N] NAME: what is wrong}, at the recipe's
 * first line. Names are unique.
 */
public final class RecipeFileYaml {
    private RecipeFileYaml() {}

    /**
     * The recipes of {@code yaml}; {@code check} throws {@link IllegalArgumentException} for a recipe
     * the device table cannot write.
     */
    public static List<Recipe> parse(String source, byte[] yaml, Consumer<List<WriteItem>> check)
            throws TagConfigException {
        try (JsonParser p = TagConfigYaml.yaml().createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT
                    || p.nextToken() != JsonToken.FIELD_NAME
                    || !p.currentName().equals("recipes")
                    || p.nextToken() != JsonToken.START_ARRAY) {
                throw TagConfigYaml.error(source, p.currentTokenLocation(), "expected 'recipes:', a list of recipes");
            }
            List<Recipe> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                JsonNode n = p.readValueAsTree();
                Recipe r = recipe(source, at, out.size(), n, check);
                if (!names.add(r.name())) {
                    throw TagConfigYaml.error(
                            source, at, "recipes[" + out.size() + "]: the name " + r.name() + " is given twice");
                }
                out.add(r);
            }
            if (p.nextToken() != JsonToken.END_OBJECT) {
                throw TagConfigYaml.error(
                        source, p.currentTokenLocation(), "unknown field; the file has one section, recipes");
            }
            return List.copyOf(out);
        } catch (JsonProcessingException e) {
            throw TagConfigYaml.error(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
    }

    private static Recipe recipe(String source, JsonLocation at, int index, JsonNode n, Consumer<List<WriteItem>> check)
            throws TagConfigException {
        String where = "recipes[" + index + "]";
        try {
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("a recipe is a mapping with name, description and items");
            }
            unknownFields(n, Set.of("name", "description", "items"));
            if (!n.path("name").isTextual()) {
                throw new IllegalArgumentException("missing name");
            }
            where += " " + n.get("name").asText();
            String description = n.has("description") ? n.get("description").asText() : "";
            Recipe r = new Recipe(n.get("name").asText(), description, items(n.get("items")))
                    .validated(RecipeLimits.DEFAULT);
            check.accept(r.items());
            return r;
        } catch (IllegalArgumentException e) {
            throw TagConfigYaml.error(source, at, where + ": " + e.getMessage());
        }
    }

    private static List<WriteItem> items(JsonNode items) {
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("missing items, a list of {tag, value}");
        }
        List<WriteItem> list = new ArrayList<>();
        for (JsonNode i : items) {
            String item = "item " + (list.size() + 1);
            if (!i.isObject() || !i.path("tag").isTextual() || !i.path("value").isNumber()) {
                throw new IllegalArgumentException(item + " needs a tag and a numeric value");
            }
            unknownFields(i, Set.of("tag", "value"));
            list.add(new WriteItem(
                    TagPath.parse(i.get("tag").asText()), i.get("value").doubleValue()));
        }
        return list;
    }

    private static void unknownFields(JsonNode n, Set<String> allowed) {
        for (Iterator<String> f = n.fieldNames(); f.hasNext(); ) {
            String name = f.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "', expected " + allowed);
            }
        }
    }
}
