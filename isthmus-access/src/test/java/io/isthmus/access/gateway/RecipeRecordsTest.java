package io.isthmus.access.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.TagPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A recipe written into audit details reads back as the same recipe; a damaged one reads as nothing. */
class RecipeRecordsTest {
    static final String LINE = "acme/springfield/packaging/line1/filler/plc/";

    static Recipe full() {
        List<WriteItem> items = new ArrayList<>();
        for (int i = 0; i < RecipeLimits.DEFAULT.maxItems(); i++) {
            items.add(new WriteItem(TagPath.parse(LINE + "setpoint" + i), i * 1.5 - 3));
        }
        return new Recipe("bottle-500ml", "500 ml PET, summer", items);
    }

    @Test
    void aRecipeOfTheMostItemsRoundTripsInSortedDetails() {
        Recipe r = full();
        Map<String, String> details = new TreeMap<>(RecipeRecords.put(new LinkedHashMap<>(), r));
        assertThat(details).hasSize(RecipeLimits.DEFAULT.maxItems() + 2);
        assertThat(details.size() + RecipeLimits.OWN_DETAILS - 2)
                .as("with the chain's own details, a record stays within 32")
                .isLessThanOrEqualTo(32);
        assertThat(RecipeRecords.read(details)).contains(r);
        assertThat(details.keySet().stream().filter(k -> k.startsWith("item.")).toList())
                .as("sorted keys keep the recipe's order")
                .isSorted();
    }

    @Test
    void aDamagedRecordReadsAsNoRecipe() {
        Map<String, String> ok = RecipeRecords.put(new LinkedHashMap<>(), full());
        List<Map<String, String>> bad = new ArrayList<>();
        Map<String, String> noName = new LinkedHashMap<>(ok);
        noName.remove("recipe");
        bad.add(noName);
        Map<String, String> badValue = new LinkedHashMap<>(ok);
        badValue.put("item.01", LINE + "setpoint0 lots");
        bad.add(badValue);
        Map<String, String> noSpace = new LinkedHashMap<>(ok);
        noSpace.put("item.02", LINE + "setpoint1");
        bad.add(noSpace);
        Map<String, String> duplicate = new LinkedHashMap<>(ok);
        duplicate.put("item.02", ok.get("item.01"));
        bad.add(duplicate);
        Map<String, String> noItems = new LinkedHashMap<>();
        noItems.put("recipe", "r");
        bad.add(noItems);
        for (Map<String, String> d : bad) {
            assertThat(RecipeRecords.read(d)).as(d.toString()).isEmpty();
        }
    }

    @Test
    void itemNumbersAreTwoDigitsFromOne() {
        assertThat(Recipe.number(0)).isEqualTo("01");
        assertThat(RecipeRecords.numbers(List.of(0, 2, 23))).isEqualTo("01,03,24");
    }
}
