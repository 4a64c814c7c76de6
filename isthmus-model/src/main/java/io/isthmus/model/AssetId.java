package io.isthmus.model;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The stable key of an asset in the inventory. Derived from the most stable address known when the
 * asset was first seen ({@code mac:00:1b:1b:aa:bb:cc}, {@code ip:10.0.0.7}) or assigned by an
 * operator; never re-derived, so events keep pointing at the same asset when its addresses change.
 */
public record AssetId(String value) {
    public static final int MAX_LENGTH = 128;

    public AssetId {
        Objects.requireNonNull(value, "asset id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("asset id must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "asset id is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(String.format(
                        "asset id '%s' contains U+%04X at offset %d; ids have no spaces or control characters",
                        value, (int) c, i));
            }
        }
    }

    public static AssetId of(MacAddress mac) {
        return new AssetId("mac:" + mac);
    }

    public static AssetId of(InetAddress ip) {
        return new AssetId("ip:" + IpLiteral.format(ip));
    }

    @Override
    public String toString() {
        return value;
    }
}
