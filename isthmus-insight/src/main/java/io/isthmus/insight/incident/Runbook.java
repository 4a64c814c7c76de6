package io.isthmus.insight.incident;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an OT engineer does about one kind of incident, as Markdown. Its id is the ATT&CK for ICS
 * technique ({@code T0855}) or the fault class with a {@code fault-} prefix ({@code
 * fault-material}); its title is the first line, a Markdown heading.
 */
public record Runbook(String id, String title, String markdown) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Larger files are refused: a runbook is read by a person during an incident. */
    public static final int MAX_CHARS = 64 * 1024;

    public Runbook {
        Objects.requireNonNull(id, "runbook id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "runbook id '" + id
                            + "' must be 1-64 letters, digits, '.', '_' or '-' (a technique id such as T0855, or fault-<class>)");
        }
        Objects.requireNonNull(title, "title of runbook " + id);
        Objects.requireNonNull(markdown, "markdown of runbook " + id);
    }

    /**
     * Reads a runbook: the first non-blank line must be a heading ({@code # Title}), which becomes
     * the title; the error names the runbook.
     */
    public static Runbook parse(String id, String markdown) {
        if (markdown.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    "runbook " + id + " has " + markdown.length() + " characters; at most " + MAX_CHARS);
        }
        String first = markdown.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse("")
                .strip();
        if (!first.startsWith("# ") || first.substring(2).isBlank()) {
            throw new IllegalArgumentException(
                    "runbook " + id + " must start with a title line '# Title', found '" + first + "'");
        }
        return new Runbook(id, first.substring(2).strip(), markdown);
    }

    /** The id of the runbook for a fault class ({@code material} → {@code fault-material}). */
    public static String forFaultClass(String faultClass) {
        return "fault-" + faultClass;
    }
}
