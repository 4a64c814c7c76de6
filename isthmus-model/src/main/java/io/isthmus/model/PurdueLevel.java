package io.isthmus.model;

import java.util.Locale;

/**
 * The levels of the Purdue Enterprise Reference Architecture (Williams, 1994) as used by ISA-99 /
 * IEC 62443-1-1 to place assets, with the industrial DMZ at level 3.5 (the IT/OT boundary of
 * Cisco/Rockwell CPwE).
 *
 * <p>The policy builds on two groups: enterprise levels (4 and 5) and control levels (0 to 2). The
 * IDMZ exists so that the first never talks directly to the second.
 */
public enum PurdueLevel {
    /** The physical process: sensors, actuators, drives. */
    LEVEL_0("0", 0.0, "process"),
    /** Basic control: PLCs, RTUs, safety controllers. */
    LEVEL_1("1", 1.0, "basic control"),
    /** Supervisory control: HMIs, SCADA servers, engineering workstations of a cell or area. */
    LEVEL_2("2", 2.0, "supervisory control"),
    /** Site operations: historians, MES, site-wide OT services. */
    LEVEL_3("3", 3.0, "site operations"),
    /** Industrial DMZ: the brokers, jump hosts and replicas IT and OT meet through. */
    LEVEL_3_5("3.5", 3.5, "industrial DMZ"),
    /** Business logistics: ERP, site business planning. */
    LEVEL_4("4", 4.0, "business logistics"),
    /** Enterprise network and its connections to the internet. */
    LEVEL_5("5", 5.0, "enterprise");

    private final String label;
    private final double value;
    private final String description;

    PurdueLevel(String label, double value, String description) {
        this.label = label;
        this.value = value;
        this.description = description;
    }

    /** The level as written in architecture drawings: {@code "0"} to {@code "5"}, or {@code "3.5"}. */
    public String label() {
        return label;
    }

    /** The level as a number, for ordering and distance: 3.5 for the IDMZ. */
    public double value() {
        return value;
    }

    public String description() {
        return description;
    }

    /** Levels 4 and 5: business systems that must reach the plant only through the IDMZ. */
    public boolean isEnterprise() {
        return value >= 4.0;
    }

    /** Levels 0 to 2: the devices and supervisors that act on the process. */
    public boolean isControl() {
        return value <= 2.0;
    }

    /**
     * Reads a level as people write it: {@code 0}..{@code 5}, {@code 3.5}, with or without an
     * {@code L} prefix ({@code L3}, {@code L3.5}), {@code idmz}, or the constant name ({@code
     * LEVEL_3_5}). Case does not matter.
     */
    public static PurdueLevel parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a Purdue level must not be empty; " + expected());
        }
        String t = text.toUpperCase(Locale.ROOT);
        if (t.equals("IDMZ")) {
            return LEVEL_3_5;
        }
        String label =
                t.startsWith("LEVEL_") ? t.substring(6).replace('_', '.') : t.startsWith("L") ? t.substring(1) : t;
        for (PurdueLevel level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a Purdue level; " + expected());
    }

    private static String expected() {
        return "expected one of 0, 1, 2, 3, 3.5, 4, 5 (optionally prefixed with L, as in L3.5) or idmz";
    }

    @Override
    public String toString() {
        return "L" + label;
    }
}
