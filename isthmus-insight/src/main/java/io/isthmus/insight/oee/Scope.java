package io.isthmus.insight.oee;

/** Whose figures: one machine's or the line's. */
public enum Scope {
    LINE,
    MACHINE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
