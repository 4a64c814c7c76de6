package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.access.gateway.RecipeLimits;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import java.util.List;

/**
 * Any bytes as a file of named recipes ({@code gateway.recipes}): either recipes that pass the same
 * checks as an ad hoc one, with unique names, or the one checked exception whose message names the
 * file, never another exception. Seeds: {@code RecipeFileYamlFuzzTestInputs/<method>/}.
 */
class RecipeFileYamlFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreNamedRecipesOrAProblemWithAPlace(byte[] yaml) {
        try {
            List<Recipe> recipes = RecipeFileYaml.parse("fuzz.yaml", yaml, items -> {});
            assertThat(recipes).allSatisfy(r -> r.validated(RecipeLimits.DEFAULT));
            assertThat(recipes.stream().map(Recipe::name).distinct().count()).isEqualTo(recipes.size());
        } catch (TagConfigException e) {
            assertThat(e.getMessage()).startsWith("fuzz.yaml");
        }
    }
}
