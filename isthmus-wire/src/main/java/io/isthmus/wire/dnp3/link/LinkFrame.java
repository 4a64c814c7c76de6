package io.isthmus.wire.dnp3.link;

import java.util.Objects;

/** A link frame whose CRCs all matched, with its user data stripped of the block CRCs. */
public record LinkFrame(LinkHeader header, byte[] userData) {
    public LinkFrame {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(userData, "userData");
    }
}
