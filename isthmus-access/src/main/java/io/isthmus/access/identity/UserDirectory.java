package io.isthmus.access.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts of a user file, by name and by certificate subject; names and subjects are unique. */
public final class UserDirectory {
    private final List<Account> accounts;
    private final Map<String, Account> byName = new HashMap<>();
    private final Map<String, ServiceAccount> bySubject = new HashMap<>();

    public UserDirectory(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
        for (Account a : this.accounts) {
            if (byName.putIfAbsent(a.name(), a) != null) {
                throw new IllegalArgumentException("account " + a.name() + " appears twice");
            }
            if (a instanceof ServiceAccount s && s.certificateSubject().isPresent()) {
                if (bySubject.putIfAbsent(s.certificateSubject().get(), s) != null) {
                    throw new IllegalArgumentException(
                            "certificate subject " + s.certificateSubject().get() + " is mapped to two accounts");
                }
            }
        }
    }

    public List<Account> accounts() {
        return accounts;
    }

    public Optional<Account> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The service account a client certificate's subject belongs to (canonical RFC 2253 form). */
    public Optional<ServiceAccount> bySubject(String canonicalSubject) {
        return Optional.ofNullable(bySubject.get(canonicalSubject));
    }
}
