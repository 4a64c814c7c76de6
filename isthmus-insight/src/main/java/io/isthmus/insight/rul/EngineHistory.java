package io.isthmus.insight.rul;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cycles of one engine in order, from the first recorded cycle to the last one seen (its
 * failure in a training set, an arbitrary cut in a test set).
 */
public record EngineHistory(int unit, List<EngineCycle> cycles) {
    public EngineHistory {
        cycles = List.copyOf(cycles);
        if (cycles.isEmpty()) {
            throw new IllegalArgumentException("engine " + unit + " has no cycles");
        }
        for (int i = 0; i < cycles.size(); i++) {
            EngineCycle c = cycles.get(i);
            if (c.unit() != unit) {
                throw new IllegalArgumentException("engine " + unit + " holds a cycle of engine " + c.unit());
            }
            if (i > 0 && c.cycle() <= cycles.get(i - 1).cycle()) {
                throw new IllegalArgumentException("engine " + unit + ": cycle " + c.cycle() + " follows cycle "
                        + cycles.get(i - 1).cycle() + "; cycles must increase");
            }
        }
    }

    public int length() {
        return cycles.size();
    }

    /** The first {@code n} cycles: what was known after cycle number {@code n}. */
    public EngineHistory truncated(int n) {
        if (n < 1 || n > cycles.size()) {
            throw new IllegalArgumentException(
                    "engine " + unit + " has " + cycles.size() + " cycles; cannot keep " + n);
        }
        return new EngineHistory(unit, cycles.subList(0, n));
    }

    /** Groups rows by unit, keeping file order within a unit; units come out in ascending order. */
    public static List<EngineHistory> group(List<EngineCycle> rows) {
        Map<Integer, List<EngineCycle>> byUnit = new TreeMap<>();
        for (EngineCycle c : rows) {
            byUnit.computeIfAbsent(c.unit(), u -> new ArrayList<>()).add(c);
        }
        List<EngineHistory> out = new ArrayList<>();
        byUnit.forEach((unit, cycles) -> out.add(new EngineHistory(unit, cycles)));
        return out;
    }
}
