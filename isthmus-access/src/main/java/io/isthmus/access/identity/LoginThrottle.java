package io.isthmus.access.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts failed logins per account and per source address and refuses attempts while either is
 * locked. A lock ends by itself after {@link ThrottleLimits#lockout()}; a successful login clears
 * the account's count (not the address's: one good password does not excuse a spray). Thread-safe.
 */
public final class LoginThrottle {
    private static final class Failures {
        int count;
        Instant first;
        Instant lockedUntil = Instant.MIN;
    }

    private final ThrottleLimits limits;
    private final Map<String, Failures> tracked;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong locks = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public LoginThrottle(ThrottleLimits limits) {
        this.limits = limits;
        this.tracked = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > limits.maxTracked();
            }
        };
    }

    /** When the account or the address is locked: until when; empty when an attempt may go ahead. */
    public synchronized Optional<Instant> lockedUntil(String account, String source, Instant now) {
        Instant until = later(until("a:" + account, now), until("s:" + source, now));
        if (until.isAfter(now)) {
            refused.incrementAndGet();
            return Optional.of(until);
        }
        return Optional.empty();
    }

    public synchronized void failure(String account, String source, Instant now) {
        failures.incrementAndGet();
        count("a:" + account, limits.accountFailures(), now);
        count("s:" + source, limits.sourceFailures(), now);
    }

    public synchronized void success(String account) {
        tracked.remove("a:" + account);
    }

    private void count(String key, int threshold, Instant now) {
        Failures f = tracked.computeIfAbsent(key, k -> new Failures());
        if (f.first == null || !now.isBefore(f.first.plus(limits.window()))) {
            f.first = now;
            f.count = 0;
        }
        if (++f.count >= threshold) {
            f.lockedUntil = now.plus(limits.lockout());
            f.count = 0;
            f.first = null;
            locks.incrementAndGet();
        }
    }

    private Instant until(String key, Instant now) {
        Failures f = tracked.get(key);
        return f == null ? Instant.MIN : f.lockedUntil;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Failed attempts counted, locks imposed, attempts refused while locked. */
    public record Counters(long failures, long locks, long refused) {}

    public Counters counters() {
        return new Counters(failures.get(), locks.get(), refused.get());
    }
}
