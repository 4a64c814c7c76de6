package io.isthmus.access.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Service-account tokens: the good one passes once; every kind of bad one is refused, and says why. */
class TokensTest {
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER = generate();
    private final Tokens tokens = new Tokens(KEYS.getPublic(), "isthmus-gw", "gateway", TokenLimits.DEFAULT);
    private final SecureRandom random = new SecureRandom();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String good() {
        return Tokens.issue(KEYS.getPrivate(), "isthmus-gw", "mes", "gateway", NOW, Duration.ofMinutes(5), random);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String claims(String aud, long nbf, long exp) {
        return "{\"iss\":\"isthmus-gw\",\"sub\":\"mes\",\"aud\":\"" + aud + "\",\"nbf\":" + nbf + ",\"exp\":" + exp
                + ",\"jti\":\"j" + nbf + aud + exp + "\"}";
    }

    private TokenRefusal refusal(String token) {
        return ((TokenCheck.Refused) tokens.verify(token, NOW)).reason();
    }

    @Test
    void aGoodTokenIsValidOnceAndNamesItsSubject() {
        String t = good();
        TokenCheck first = tokens.verify(t, NOW.plusSeconds(10));
        assertThat(first).isInstanceOf(TokenCheck.Valid.class);
        assertThat(((TokenCheck.Valid) first).claims().subject()).isEqualTo("mes");
        assertThat(((TokenCheck.Refused) tokens.verify(t, NOW.plusSeconds(11))).reason())
                .isEqualTo(TokenRefusal.REPLAYED);
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheClockSkew() {
        String t = good();
        assertThat(((TokenCheck.Refused)
                                tokens.verify(t, NOW.plus(Duration.ofMinutes(5)).plusSeconds(31)))
                        .reason())
                .isEqualTo(TokenRefusal.EXPIRED);
    }

    @Test
    void aTokenBeforeItsNotBeforeIsRefused() {
        long t = NOW.getEpochSecond();
        assertThat(refusal(Tokens.sign(KEYS.getPrivate(), Tokens.HEADER, claims("gateway", t + 120, t + 300))))
                .isEqualTo(TokenRefusal.NOT_YET_VALID);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        String t = Tokens.issue(OTHER.getPrivate(), "isthmus-gw", "mes", "gateway", NOW, Duration.ofMinutes(5), random);
        assertThat(refusal(t)).isEqualTo(TokenRefusal.BAD_SIGNATURE);
    }

    @Test
    void changedClaimsBreakTheSignature() {
        String t = good();
        String[] p = t.split("\\.");
        long s = NOW.getEpochSecond();
        String forged = p[0] + "." + b64(claims("gateway", s, s + 86_000).replace("mes", "admin")) + "." + p[2];
        assertThat(refusal(forged)).isEqualTo(TokenRefusal.BAD_SIGNATURE);
    }

    @Test
    void algNoneIsRefusedEvenWithoutASignature() {
        long s = NOW.getEpochSecond();
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims("gateway", s, s + 60)) + ".";
        assertThat(refusal(none)).isEqualTo(TokenRefusal.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hmacWithThePublicKeyAsSecretIsRefused() throws Exception {
        long s = NOW.getEpochSecond();
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims("gateway", s, s + 60));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEYS.getPublic().getEncoded(), "HmacSHA256"));
        String sig = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertThat(refusal(input + "." + sig)).isEqualTo(TokenRefusal.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void aCriticalHeaderExtensionIsRefused() {
        long s = NOW.getEpochSecond();
        String t = Tokens.sign(KEYS.getPrivate(), "{\"alg\":\"EdDSA\",\"crit\":[\"x\"]}", claims("gateway", s, s + 60));
        assertThat(refusal(t)).isEqualTo(TokenRefusal.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIsRefused() {
        long s = NOW.getEpochSecond();
        assertThat(refusal(Tokens.sign(KEYS.getPrivate(), Tokens.HEADER, claims("historian", s, s + 60))))
                .isEqualTo(TokenRefusal.WRONG_AUDIENCE);
        String t =
                Tokens.issue(KEYS.getPrivate(), "someone-else", "mes", "gateway", NOW, Duration.ofMinutes(5), random);
        assertThat(refusal(t)).isEqualTo(TokenRefusal.WRONG_ISSUER);
    }

    @Test
    void aLongLivedTokenIsRefused() {
        String t = Tokens.issue(KEYS.getPrivate(), "isthmus-gw", "mes", "gateway", NOW, Duration.ofHours(2), random);
        assertThat(refusal(t)).isEqualTo(TokenRefusal.LIFETIME_TOO_LONG);
    }

    @Test
    void aFullReplayCacheRefusesNewTokensInsteadOfForgetting() {
        Tokens small = new Tokens(
                KEYS.getPublic(),
                "isthmus-gw",
                "gateway",
                new TokenLimits(4096, Duration.ofMinutes(15), Duration.ZERO, 2));
        assertThat(small.verify(good(), NOW)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(small.verify(good(), NOW)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(((TokenCheck.Refused) small.verify(good(), NOW)).reason()).isEqualTo(TokenRefusal.REPLAY_CACHE_FULL);
        assertThat(small.verify(good(), NOW.plus(Duration.ofMinutes(6)).minusSeconds(1)))
                .isInstanceOf(TokenCheck.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a.b", "a.b.c.d", "a b.c.d", "....", "eyJ9.eyJ9.AAAA", "e30.e30.AAAA"})
    void malformedTokensAreRefused(String token) {
        assertThat(tokens.verify(token, NOW)).isInstanceOf(TokenCheck.Refused.class);
    }

    @Test
    void anOverlongTokenIsRefusedBeforeDecoding() {
        assertThat(refusal("a".repeat(5000))).isEqualTo(TokenRefusal.MALFORMED);
    }

    @FuzzTest(maxDuration = "20s")
    void anyTextIsRefusedOrValidWithoutExceptions(FuzzedDataProvider data) {
        assertThat(tokens.verify(data.consumeRemainingAsString(), NOW)).isNotNull();
    }
}
