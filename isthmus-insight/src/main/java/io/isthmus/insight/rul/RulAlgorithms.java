package io.isthmus.insight.rul;

/** Range checks for the hyper-parameters of {@link RulAlgorithm}, with messages that name the value. */
final class RulAlgorithms {
    private RulAlgorithms() {}

    static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", was " + value);
        }
    }
}
