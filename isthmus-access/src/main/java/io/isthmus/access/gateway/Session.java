package io.isthmus.access.gateway;

import io.isthmus.access.identity.Account;
import java.time.Instant;

/** A logged-in account, for as long as its bearer token is valid. */
public record Session(Account account, Instant expires) {}
