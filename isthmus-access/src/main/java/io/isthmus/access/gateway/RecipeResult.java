package io.isthmus.access.gateway;

import io.isthmus.model.TagPath;
import java.util.List;

/** What became of a recipe request, or of an approved recipe's execution. */
public sealed interface RecipeResult {
    /** Every run was sent and confirmed by its device. */
    record Executed(String id, Recipe recipe) implements RecipeResult {}

    /** Some item is in a protected zone (or needs approval): one approval for the whole recipe. */
    record Pending(Approval approval) implements RecipeResult {}

    /**
     * Refused before anything was sent: by the access rules (the denied items named), an item that
     * cannot be written, or the conduit check of a wire operation.
     */
    record Denied(List<ItemResult.Denied> items) implements RecipeResult {}

    /** A run failed: which items were written, which not, and which may or may not have been. */
    record Failed(String id, Recipe recipe, List<ItemOutcome> items, String detail) implements RecipeResult {}

    /** One item's fate in a failed recipe. */
    record ItemOutcome(TagPath tag, Outcome outcome) {}

    enum Outcome {
        /** Its run was confirmed by the device. */
        WRITTEN,
        /** Never sent, or refused by the device with an exception response (nothing written). */
        NOT_WRITTEN,
        /** Its run was sent and no answer came (connection lost, timeout): check the device. */
        UNKNOWN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
