package io.isthmus.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a secret (a password, a bearer token) from the file a configuration names, so secrets never
 * sit in the configuration itself, on a command line or in a process listing. The content is taken
 * without surrounding white space (an editor's final newline is not part of the secret).
 */
final class SecretFile {
    /** More than any password or token; a bigger file is a wrong path, not a secret. */
    private static final long MAX_BYTES = 4096;

    private SecretFile() {}

    static String read(String field, Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(
                        field + " '" + file + "' has " + size + " bytes; a secret file holds at most " + MAX_BYTES);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalArgumentException(field + " '" + file + "' is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalArgumentException(field + " '" + file + "' cannot be read: " + e);
        }
    }
}
