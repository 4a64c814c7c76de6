package io.isthmus.model;

/** The ISA-95 (IEC 62264-1) equipment hierarchy levels that name a tag, from the top down. */
public enum Isa95Level {
    ENTERPRISE,
    SITE,
    AREA,
    LINE,
    CELL,
    EQUIPMENT,
    POINT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
