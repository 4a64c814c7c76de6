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

    /**
     * The service account whose certificate subject is this (canonical RFC 2253 form), whether or not
     * it also requires a SAN: the hub's ingest uses it to refuse a gateway account's certificate.
     */
    public Optional<ServiceAccount> bySubject(String canonicalSubject) {
        return Optional.ofNullable(bySubject.get(canonicalSubject));
    }

    /**
     * The service account a verified client certificate maps to: the account whose subject equals
     * the certificate's exactly and, where the account names a SAN, whose SAN the certificate carries.
     */
    public Optional<ServiceAccount> byCertificate(ClientCertificate c) {
        return bySubject(c.canonicalSubject()).filter(a -> a.matches(c));
    }
}
