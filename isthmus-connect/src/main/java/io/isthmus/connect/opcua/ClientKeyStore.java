package io.isthmus.connect.opcua;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The client's own application instance certificate and private key, issued elsewhere (e.g. by
 * the site's CA) and given as a PKCS#12 file, instead of the self-signed one the client makes in
 * its PKI directory. Its certificate must name the source's ApplicationUri (OPC UA Part 6, 6.2.2).
 *
 * @param file a PKCS#12 file with one private key entry and its certificate chain
 * @param password the file's password (also the key's); never printed
 */
public record ClientKeyStore(Path file, String password) {
    public ClientKeyStore {
        Objects.requireNonNull(file, "client key store file");
        Objects.requireNonNull(password, "client key store password");
    }

    @Override
    public String toString() {
        return "ClientKeyStore[file=" + file + ", password=***]";
    }
}
