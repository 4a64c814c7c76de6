package io.isthmus.access.gateway;

import io.isthmus.model.TagPath;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request to transfer a program (a PLC project, firmware, a configuration file) to the device
 * that holds {@code tag}: the artefact is named and identified by its SHA-256, so that the decision,
 * the approval and the audit record all name exactly one artefact.
 *
 * @param tag any tag of the device: the resource (zone, asset) is the device's, from the device table
 * @param name the artefact's name, 1..64 of letters, digits and {@code . _ -}
 * @param sha256 the artefact's SHA-256, 64 lower-case hex digits
 */
public record ProgramRequest(TagPath tag, String name, String sha256) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ProgramRequest {
        Objects.requireNonNull(tag, "tag");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a program's name is 1..64 of letters, digits and . _ - starting with a letter or digit");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a program's sha256 is 64 lower-case hex digits");
        }
    }
}
