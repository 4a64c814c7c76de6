package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * How every YAML file Isthmus reads reports a mistake: {@code file:line:column: what is wrong}, in
 * words an engineer can act on rather than Jackson's class names.
 */
final class YamlProblems {
    private YamlProblems() {}

    /** {@code source:line:column: message}, or {@code source: message} when the place is unknown. */
    static String at(String source, JsonLocation at, String message) {
        String where =
                at == null || at.getLineNr() < 0 ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
        return where + ": " + message;
    }

    /** The reason of a binding failure, without Jackson's wrapping. */
    static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'; expected one of " + u.getKnownPropertyIds();
        }
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Missing required creator property")) {
            return "missing field " + original.replaceAll("^Missing required creator property '([^']+)'.*$", "'$1'");
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t == e ? e.getOriginalMessage() : t.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
