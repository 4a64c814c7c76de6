package io.isthmus.access.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A record as one line of text, the exact bytes the Merkle tree hashes: readable with {@code less}
 * and {@code grep}, and canonical (one record has one encoding, so re-encoding a parsed line gives
 * the same bytes).
 *
 * <pre>v1 TAB sequence TAB time TAB source TAB category TAB type TAB event-id TAB result TAB details</pre>
 *
 * Time is ISO-8601 UTC as {@link Instant#toString()} prints it; details are {@code key=value}
 * pairs joined by {@code ;} in key order. In every field {@code %}, tab, CR, LF, {@code ;},
 * {@code =} and other control characters are written as {@code %XX} (UTF-8 bytes), so no field can
 * forge a separator or a second line; other characters stay as they are (the file is UTF-8). The
 * line itself excludes its {@code \n}.
 */
public final class AuditLineCodec {
    static final String VERSION = "v1";
    private static final int FIELDS = 9;

    private final AuditLimits limits;

    public AuditLineCodec(AuditLimits limits) {
        this.limits = limits;
    }

    /** The result of reading one line. */
    public sealed interface LineResult {
        record Parsed(AuditRecord record) implements LineResult {}

        record Invalid(String reason) implements LineResult {}
    }

    /**
     * The line of a record.
     *
     * @throws IllegalArgumentException when a field or the line exceeds the limits: the writer's
     *     mistake, reported before anything is written
     */
    public String encode(AuditRecord r) {
        AuditEvent e = r.event();
        if (e.details().size() > limits.maxDetails()) {
            throw new IllegalArgumentException("an audit record may carry " + limits.maxDetails()
                    + " details, this one has " + e.details().size());
        }
        StringBuilder b = new StringBuilder(128);
        b.append(VERSION).append('\t').append(r.sequence()).append('\t').append(e.time());
        field(b.append('\t'), "source", e.source());
        b.append('\t').append(e.category().token());
        field(b.append('\t'), "type", e.type());
        field(b.append('\t'), "eventId", e.eventId());
        b.append('\t').append(e.result().token()).append('\t');
        boolean first = true;
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            if (!first) {
                b.append(';');
            }
            first = false;
            field(b, "detail key", d.getKey());
            field(b.append('='), "detail " + d.getKey(), d.getValue());
        }
        String line = b.toString();
        int bytes = line.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxLineBytes()) {
            throw new IllegalArgumentException(
                    "an audit record line may be " + limits.maxLineBytes() + " bytes, this one is " + bytes);
        }
        return line;
    }

    /** Reads a line (without its newline); never throws, whatever the input. */
    public LineResult decode(String line) {
        if (line.length() > limits.maxLineBytes()) {
            return invalid("line longer than " + limits.maxLineBytes() + " characters");
        }
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            return invalid("expected " + FIELDS + " tab-separated fields, found " + f.length);
        }
        if (!VERSION.equals(f[0])) {
            return invalid("unknown record version '" + shorten(f[0]) + "'");
        }
        long sequence;
        Instant time;
        try {
            sequence = Long.parseLong(f[1]);
            time = Instant.parse(f[2]);
        } catch (NumberFormatException | DateTimeParseException e) {
            return invalid("bad sequence or time: " + shorten(f[1]) + " " + shorten(f[2]));
        }
        if (sequence < 0) {
            return invalid("negative sequence " + sequence);
        }
        Optional<AuditCategory> category = AuditCategory.parse(f[4]);
        Optional<AuditResult> result = AuditResult.parse(f[7]);
        if (category.isEmpty() || result.isEmpty()) {
            return invalid("unknown category or result: " + shorten(f[4]) + " " + shorten(f[7]));
        }
        Optional<String> source = unescape(f[3]);
        Optional<String> type = unescape(f[5]);
        Optional<String> eventId = unescape(f[6]);
        Optional<TreeMap<String, String>> details = details(f[8]);
        if (source.isEmpty() || type.isEmpty() || eventId.isEmpty() || details.isEmpty()) {
            return invalid("a field has a bad %-escape or is too long");
        }
        if (source.get().isEmpty() || type.get().isEmpty()) {
            return invalid("source and type must not be empty");
        }
        AuditRecord r = new AuditRecord(
                sequence,
                new AuditEvent(
                        time, source.get(), category.get(), type.get(), eventId.get(), result.get(), details.get()));
        // Canonical form: a line that decodes but re-encodes differently was not written by us.
        String again;
        try {
            again = encode(r);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        return again.equals(line) ? new LineResult.Parsed(r) : invalid("not in canonical form");
    }

    private Optional<TreeMap<String, String>> details(String text) {
        TreeMap<String, String> map = new TreeMap<>();
        if (text.isEmpty()) {
            return Optional.of(map);
        }
        String[] pairs = text.split(";", -1);
        if (pairs.length > limits.maxDetails()) {
            return Optional.empty();
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                return Optional.empty();
            }
            Optional<String> k = unescape(pair.substring(0, eq));
            Optional<String> v = unescape(pair.substring(eq + 1));
            if (k.isEmpty() || v.isEmpty() || map.put(k.get(), v.get()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(map);
    }

    private void field(StringBuilder b, String name, String value) {
        if (value.length() > limits.maxFieldChars()) {
            throw new IllegalArgumentException(
                    "audit field " + name + " may be " + limits.maxFieldChars() + " characters, was " + value.length());
        }
        value.codePoints().forEach(cp -> {
            if (needsEscape(cp)) {
                b.append('%').append(HEX[cp >>> 4]).append(HEX[cp & 0xF]);
            } else {
                b.appendCodePoint(cp);
            }
        });
    }

    /** Separators, the escape character and control characters; all of them are ASCII. */
    private static boolean needsEscape(int cp) {
        return cp < 0x20 || cp == 0x7F || cp == '%' || cp == ';' || cp == '=';
    }

    private Optional<String> unescape(String s) {
        if (s.length() > limits.maxFieldChars() * 3) {
            return Optional.empty();
        }
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (i + 2 >= s.length()) {
                return Optional.empty();
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            b.append((char) (hi << 4 | lo));
            i += 2;
        }
        return Optional.of(b.toString());
    }

    private static LineResult invalid(String reason) {
        return new LineResult.Invalid(reason);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
