package io.isthmus.app.hub;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may post to {@code /api/ingest}, and over what.
 *
 * @param tokens per edge site id, the SHA-256 of its bearer token; with no tokens and no tokens file
 *     any client may post (the behaviour before tokens existed, for a hub reachable only on loopback)
 * @param tokensFile a file of {@code <edge> sha256:<hex>} lines, read again whenever it changes, so
 *     tokens are added and withdrawn without restarting the hub (several lines per edge while a token
 *     is rotated); see {@link IngestTokens}
 * @param tls serve the hub's listener over TLS with this key store; empty for plain HTTP
 */
public record IngestSecurity(Map<String, TokenHash> tokens, Optional<Path> tokensFile, Optional<Tls> tls) {
    /** No token required, plain HTTP. */
    public static final IngestSecurity OPEN = new IngestSecurity(Map.of(), Optional.empty(), Optional.empty());

    public IngestSecurity {
        tokens = Map.copyOf(tokens);
        Objects.requireNonNull(tokensFile, "tokensFile");
        Objects.requireNonNull(tls, "tls");
    }

    /** Tokens written in hub.yaml only. */
    public IngestSecurity(Map<String, TokenHash> tokens, Optional<Tls> tls) {
        this(tokens, Optional.empty(), tls);
    }

    public boolean requiresToken() {
        return !tokens.isEmpty() || tokensFile.isPresent();
    }

    /** Edges must present a client certificate issued by {@link Tls#clientCa()}. */
    public boolean requiresCertificate() {
        return tls.flatMap(Tls::clientCa).isPresent();
    }

    /**
     * A token's SHA-256, as hub.yaml stores it ({@code sha256:<64 hex digits>}). A plain hash, not a
     * slow password hash: tokens are long random strings (see docs), so there is nothing to guess
     * by brute force, and the hub hashes every request's token.
     */
    public record TokenHash(byte[] sha256) {
        private static final Pattern TEXT = Pattern.compile("sha256:[0-9a-fA-F]{64}");

        public TokenHash {
            if (sha256 == null || sha256.length != 32) {
                throw new IllegalArgumentException("a token hash is 32 bytes of SHA-256");
            }
            sha256 = sha256.clone();
        }

        public static TokenHash parse(String text) {
            if (text == null || !TEXT.matcher(text.strip()).matches()) {
                throw new IllegalArgumentException(
                        "token hash '" + text
                                + "' is not sha256:<64 hex digits>; make one with: printf %s \"$(cat edge.token)\" | sha256sum");
            }
            return new TokenHash(HexFormat.of().parseHex(text.strip().substring(7)));
        }

        public static TokenHash of(String token) {
            try {
                return new TokenHash(
                        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        /** Constant-time comparison, so the time to refuse tells nothing about the hash. */
        public boolean matches(TokenHash other) {
            return MessageDigest.isEqual(sha256, other.sha256);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TokenHash t && matches(t);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(sha256);
        }

        @Override
        public String toString() {
            return "sha256:" + HexFormat.of().formatHex(sha256);
        }
    }

    /**
     * TLS for the hub's listener (API, console and ingest alike).
     *
     * @param keyStore a PKCS#12 file with the hub's private key and certificate chain
     * @param password the key store's password (read from a file, never written in hub.yaml)
     * @param clientCa certificates (PEM) of the CA that issues edges' client certificates: the listener
     *     then asks every client for a certificate, and {@code /api/ingest} accepts only a request whose
     *     certificate chains to this CA and names the posting edge (its subject's CN is the site id);
     *     the console and the rest of the API stay usable without one
     */
    public record Tls(Path keyStore, String password, Optional<Path> clientCa) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(clientCa, "clientCa");
        }

        /** Server authentication only. */
        public Tls(Path keyStore, String password) {
            this(keyStore, password, Optional.empty());
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", password=***, clientCa="
                    + clientCa.map(Path::toString).orElse("-") + "]";
        }
    }
}
