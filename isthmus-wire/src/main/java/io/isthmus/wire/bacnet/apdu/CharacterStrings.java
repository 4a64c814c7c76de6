package io.isthmus.wire.bacnet.apdu;

import io.isthmus.wire.bacnet.encoding.Tag;
import io.isthmus.wire.bacnet.encoding.TagReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Character strings (ASHRAE 135 clause 20.2.9): a character-set octet, then the characters; UTF-8
 * (0), UCS-2 (4) and ISO 8859-1 (5) are decoded, the rest shown as the set number. At most {@code
 * maxOctets} are decoded and control characters are escaped, since the text is printed.
 */
final class CharacterStrings {
    private CharacterStrings() {}

    static String decode(TagReader t, Tag tag, int maxOctets) {
        if (tag.length() < 1) {
            return "";
        }
        byte[] octets = t.octets().octets();
        int set = octets[tag.contentIndex()] & 0xFF;
        Optional<Charset> charset = switch (set) {
            case 0 -> Optional.of(StandardCharsets.UTF_8);
            case 4 -> Optional.of(StandardCharsets.UTF_16BE);
            case 5 -> Optional.of(StandardCharsets.ISO_8859_1);
            default -> Optional.empty();
        };
        if (charset.isEmpty()) {
            return "<character set " + set + ">";
        }
        int length = (int) Math.min(tag.length() - 1, maxOctets);
        return printable(new String(octets, tag.contentIndex() + 1, length, charset.get()));
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
