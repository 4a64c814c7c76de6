package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML section of single values ({@code sensor:}, {@code gateway:}) read field by field with
 * where each value stands, so a later check can name file, line and column. Unknown, repeated and
 * non-scalar fields are errors at their own position.
 */
final class ScalarSection {
    private ScalarSection() {}

    /** One field's text and position. */
    record Value(String text, JsonLocation at) {}

    /** A section found: its fields and where its name stands. */
    record Found(Map<String, Value> fields, JsonLocation at) {}

    /**
     * The top-level section {@code section} of a YAML document, or empty when the document has none
     * (or is not a mapping: the main binding reports that).
     */
    static Optional<Found> find(String source, byte[] yaml, String section, Collection<String> allowed)
            throws TagConfigException {
        try (JsonParser p = TagConfigYaml.yaml().createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation at = p.currentTokenLocation();
                String field = p.currentName();
                p.nextToken();
                if (!field.equals(section)) {
                    p.skipChildren();
                    continue;
                }
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw TagConfigYaml.error(source, at, section + ": expected a mapping with " + allowed);
                }
                return Optional.of(new Found(read(source, p, section, allowed), at));
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw TagConfigYaml.error(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException e) {
            throw new TagConfigException(source + ": " + e.getMessage());
        }
    }

    /**
     * Reads the fields of the object whose start the parser has just passed, up to its end.
     *
     * @param section the section's name for messages ({@code sensor}, {@code gateway})
     */
    static Map<String, Value> read(String source, JsonParser p, String section, Collection<String> allowed)
            throws IOException, TagConfigException {
        Map<String, Value> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation at = p.currentTokenLocation();
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (!allowed.contains(name)) {
                throw TagConfigYaml.error(
                        source, at, section + ": unknown field '" + name + "'; expected one of " + allowed);
            }
            if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                throw TagConfigYaml.error(source, at, section + "." + name + ": expected a single value");
            }
            if (out.put(name, new Value(p.getText(), at)) != null) {
                throw TagConfigYaml.error(source, at, section + "." + name + " is given twice");
            }
        }
        return out;
    }
}
