package io.isthmus.access.gateway;

import io.isthmus.policy.Operation;
import java.util.List;

/**
 * One wire operation of a recipe: the items of one device and unit whose registers are contiguous,
 * written by one request (Modbus FC 16 Write Multiple Registers). The gateway decides {@code
 * operation} against the zones-and-conduits policy before anything is sent.
 *
 * @param operation what the request is on the wire (function, unit, first address, quantity)
 * @param items the recipe's items the request writes, in register order
 * @param indexes each item's position in the recipe (0-based), in the same order
 */
public record RecipeRun(Operation operation, List<WriteItem> items, List<Integer> indexes) {
    public RecipeRun {
        items = List.copyOf(items);
        indexes = List.copyOf(indexes);
        if (items.isEmpty() || items.size() != indexes.size()) {
            throw new IllegalArgumentException("a run writes at least one item, each with its index");
        }
    }
}
