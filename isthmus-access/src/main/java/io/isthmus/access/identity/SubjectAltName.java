package io.isthmus.access.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One subject alternative name of a client certificate (RFC 5280 section 4.2.1.6) that a service
 * account may require besides its subject: a DNS name or a URI (for example a SPIFFE id). Written
 * in the user file as {@code dns:mes.acme.example} or {@code uri:spiffe://acme/mes}.
 *
 * <p>Matching is exact, with no wildcards: a DNS name compared without regard to ASCII case (DNS
 * names are case-insensitive), a URI character for character (a CA that issues {@code
 * spiffe://acme/mes} issues exactly that text). Other SAN types (IP addresses, e-mail, directory
 * names) are not used for mapping.
 */
public record SubjectAltName(Kind kind, String value) {
    /** The SAN types used for mapping, with their GeneralName tag numbers (RFC 5280). */
    public enum Kind {
        DNS(2),
        URI(6);

        private final int tag;

        Kind(int tag) {
            this.tag = tag;
        }

        /** The GeneralName tag, as {@code X509Certificate.getSubjectAlternativeNames()} reports it. */
        public int tag() {
            return tag;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The longest name kept: far beyond any real host name or SPIFFE id. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern DNS_NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public SubjectAltName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a subject alternative name is 1.." + MAX_LENGTH + " characters, was " + value.length());
        }
        switch (kind) {
            case DNS -> {
                value = value.toLowerCase(Locale.ROOT);
                if (!DNS_NAME.matcher(value).matches()) {
                    throw new IllegalArgumentException("'" + value
                            + "' is not a DNS name (letters, digits, hyphens and dots; no wildcard, no trailing dot)");
                }
            }
            case URI -> {
                try {
                    if (!new URI(value).isAbsolute()) {
                        throw new IllegalArgumentException("'" + value + "' is not an absolute URI (scheme:...)");
                    }
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a URI: " + e.getReason());
                }
            }
        }
    }

    /** {@code dns:NAME} or {@code uri:URI}, as the user file and {@code --cert-san} write it. */
    public static SubjectAltName parse(String text) {
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "dns" -> new SubjectAltName(Kind.DNS, text.substring(colon + 1));
            case "uri" -> new SubjectAltName(Kind.URI, text.substring(colon + 1));
            default ->
                throw new IllegalArgumentException("certificate SAN '" + text
                        + "' is dns:NAME or uri:URI (e.g. dns:mes.acme.example, uri:spiffe://acme/mes)");
        };
    }

    @Override
    public String toString() {
        return kind.id() + ":" + value;
    }
}
