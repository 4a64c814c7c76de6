/**
 * Who is asking: people with a password (PBKDF2-HMAC-SHA256) and a TOTP second factor (RFC 6238),
 * service accounts with an mTLS client certificate or a short-lived Ed25519-signed token (compact
 * JWS, RFC 7515/7519 with EdDSA, RFC 8037), and the lockout and throttling of failed logins. All
 * from the JDK: no token library to configure wrongly ({@code alg} is pinned, {@code none} and every
 * other algorithm refused).
 */
package io.isthmus.access.identity;
