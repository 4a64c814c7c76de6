package io.isthmus.access.gateway;

import io.isthmus.access.identity.Account;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer tokens (256 random bits) for logged-in accounts, valid for a fixed time. Bounded:
 * at {@code max} live sessions, expired ones are dropped and, if still full, a login is refused.
 */
public final class Sessions {
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final int max;
    private final SecureRandom random = new SecureRandom();

    public Sessions(Duration lifetime, int max) {
        if (lifetime.isNegative() || lifetime.isZero() || max < 1) {
            throw new IllegalArgumentException(
                    "sessions need a positive lifetime and maximum, were " + lifetime + ", " + max);
        }
        this.lifetime = lifetime;
        this.max = max;
    }

    /** A new session's token, or empty when too many sessions are live. */
    public Optional<String> open(Account account, Instant now) {
        if (live.size() >= max) {
            purge(now);
            if (live.size() >= max) {
                return Optional.empty();
            }
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        live.put(token, new Session(account, now.plus(lifetime)));
        return Optional.of(token);
    }

    public Optional<Session> find(String token, Instant now) {
        Session s = token.length() == 43 ? live.get(token) : null;
        if (s == null) {
            return Optional.empty();
        }
        if (!now.isBefore(s.expires())) {
            live.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Ends a session now (sign-out): the live session it was, or empty for an unknown or expired token. */
    public Optional<Session> close(String token, Instant now) {
        Session s = token.length() == 43 ? live.remove(token) : null;
        return s == null || !now.isBefore(s.expires()) ? Optional.empty() : Optional.of(s);
    }

    public Duration lifetime() {
        return lifetime;
    }

    private void purge(Instant now) {
        for (Iterator<Session> i = live.values().iterator(); i.hasNext(); ) {
            if (!now.isBefore(i.next().expires())) {
                i.remove();
            }
        }
    }
}
