package io.isthmus.access.identity;

import io.isthmus.access.identity.ClaimsJson.MalformedJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Short-lived service-account tokens: compact JWS (RFC 7515 section 7.1) signed with Ed25519
 * ({@code "alg":"EdDSA"}, RFC 8037), claims {@code iss sub aud nbf exp iat jti} (RFC 7519). The
 * verifier pins the algorithm — the header is read only to check that it says EdDSA and nothing
 * else, so {@code none}, HMAC-with-the-public-key and every other algorithm confusion fail — and
 * checks issuer, audience, validity window (with a small clock skew), lifetime and single use.
 */
public final class Tokens {
    static final String HEADER = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final PublicKey publicKey;
    private final String issuer;
    private final String audience;
    private final TokenLimits limits;
    private final ReplayCache replay;

    /** A verifier for tokens {@code issuer} signs for {@code audience}. */
    public Tokens(PublicKey publicKey, String issuer, String audience, TokenLimits limits) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.replay = new ReplayCache(limits.maxRemembered());
    }

    /** Signs a token for {@code subject}, valid from {@code now} for {@code lifetime}. */
    public static String issue(
            PrivateKey key,
            String issuer,
            String subject,
            String audience,
            Instant now,
            Duration lifetime,
            SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String claims = "{\"iss\":" + ClaimsJson.quote(issuer) + ",\"sub\":" + ClaimsJson.quote(subject) + ",\"aud\":"
                + ClaimsJson.quote(audience) + ",\"iat\":" + now.getEpochSecond() + ",\"nbf\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":"
                + ClaimsJson.quote(B64.encodeToString(id))
                + "}";
        return sign(key, HEADER, claims);
    }

    /** Signs any header and claims text; tests use it to build hostile tokens with a valid signature. */
    public static String sign(PrivateKey key, String header, String claims) {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Verifies {@code token} at {@code now}; a valid token is spent (its id remembered). */
    public TokenCheck verify(String token, Instant now) {
        TokenCheck check = verifyWithoutSpending(token, now);
        if (!(check instanceof TokenCheck.Valid v)) {
            return check;
        }
        Instant keep = v.claims().expires().plus(limits.clockSkew());
        return switch (replay.firstUse(v.claims().id(), keep, now)) {
            case FIRST -> check;
            case REPLAYED ->
                refused(TokenRefusal.REPLAYED, "token id " + v.claims().id() + " was used before");
            case FULL -> refused(TokenRefusal.REPLAY_CACHE_FULL, "too many unexpired tokens in use; try again later");
        };
    }

    private TokenCheck verifyWithoutSpending(String token, Instant now) {
        if (token.length() > limits.maxChars()) {
            return refused(TokenRefusal.MALFORMED, "longer than " + limits.maxChars() + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char ch = token.charAt(i);
            boolean b64url = (ch >= 'A' && ch <= 'Z')
                    || (ch >= 'a' && ch <= 'z')
                    || (ch >= '0' && ch <= '9')
                    || ch == '-'
                    || ch == '_';
            if (!b64url && ch != '.') {
                return refused(TokenRefusal.MALFORMED, "character " + (int) ch + " at " + i + " is not base64url");
            }
        }
        int d1 = token.indexOf('.');
        int d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
        if (d1 < 0 || d2 < 0 || token.indexOf('.', d2 + 1) >= 0) {
            return refused(TokenRefusal.MALFORMED, "a compact JWS has three parts separated by '.'");
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        byte[] signature;
        try {
            header = ClaimsJson.parse(utf8(token.substring(0, d1)));
            if (!"EdDSA".equals(header.get("alg")) || header.containsKey("crit")) {
                return refused(
                        TokenRefusal.ALGORITHM_NOT_ALLOWED, "only alg EdDSA is accepted, was " + header.get("alg"));
            }
            signature = B64D.decode(token.substring(d2 + 1));
            if (signature.length != 64 || !signatureValid(token.substring(0, d2), signature)) {
                return refused(TokenRefusal.BAD_SIGNATURE, "the Ed25519 signature does not verify");
            }
            claims = ClaimsJson.parse(utf8(token.substring(d1 + 1, d2)));
        } catch (MalformedJson | IllegalArgumentException e) {
            return refused(TokenRefusal.MALFORMED, e.getMessage());
        }
        return checkClaims(claims, now);
    }

    private TokenCheck checkClaims(Map<String, Object> c, Instant now) {
        if (!(c.get("sub") instanceof String sub && !sub.isEmpty())
                || !(c.get("jti") instanceof String jti && !jti.isEmpty())
                || !(c.get("exp") instanceof Long exp)
                || !(c.get("nbf") instanceof Long nbf)) {
            return refused(TokenRefusal.MALFORMED, "sub, jti, nbf and exp are required");
        }
        if (!issuer.equals(c.get("iss"))) {
            return refused(TokenRefusal.WRONG_ISSUER, "issuer " + c.get("iss") + " is not " + issuer);
        }
        Object aud = c.get("aud");
        boolean forUs = audience.equals(aud) || (aud instanceof List<?> l && l.contains(audience));
        if (!forUs) {
            return refused(TokenRefusal.WRONG_AUDIENCE, "audience " + aud + " is not " + audience);
        }
        long skew = limits.clockSkew().toSeconds();
        long t = now.getEpochSecond();
        if (exp - nbf > limits.maxLifetime().toSeconds() || exp <= nbf) {
            return refused(
                    TokenRefusal.LIFETIME_TOO_LONG, "valid for " + (exp - nbf) + " s; at most " + limits.maxLifetime());
        }
        if (t >= exp + skew) {
            return refused(TokenRefusal.EXPIRED, "expired at " + Instant.ofEpochSecond(exp));
        }
        if (t < nbf - skew) {
            return refused(TokenRefusal.NOT_YET_VALID, "valid from " + Instant.ofEpochSecond(nbf));
        }
        return new TokenCheck.Valid(
                new TokenClaims(sub, issuer, audience, Instant.ofEpochSecond(nbf), Instant.ofEpochSecond(exp), jti));
    }

    private boolean signatureValid(String signingInput, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String utf8(String b64) {
        return new String(B64D.decode(b64), StandardCharsets.UTF_8);
    }

    private static TokenCheck refused(TokenRefusal reason, String detail) {
        return new TokenCheck.Refused(reason, detail);
    }
}
