package io.isthmus.access.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a token's header and claims: one flat object whose values are strings, integers,
 * booleans or arrays of strings (RFC 7519's {@code aud} may be one). Anything else — nesting,
 * fractions, a duplicate member name (RFC 7515 section 5.2 lets a verifier refuse them, and they are
 * how two parsers come to read one token differently), more than {@link #MAX_MEMBERS} members or
 * strings longer than {@link #MAX_STRING} — is refused. Pure: text in, values or an error out.
 */
public final class ClaimsJson {
    public static final int MAX_MEMBERS = 32;
    public static final int MAX_STRING = 1024;
    public static final int MAX_ARRAY = 16;

    private final String s;
    private int at;

    private ClaimsJson(String s) {
        this.s = s;
    }

    /** Thrown with the reason and the offending offset. */
    public static final class MalformedJson extends Exception {
        public MalformedJson(String reason, int offset) {
            super(reason + " at offset " + offset);
        }
    }

    /** The members in document order: {@code String}, {@code Long}, {@code Boolean} or {@code List<String>}. */
    public static Map<String, Object> parse(String text) throws MalformedJson {
        ClaimsJson p = new ClaimsJson(text);
        Map<String, Object> out = p.object();
        p.space();
        if (p.at != text.length()) {
            throw new MalformedJson("text after the object", p.at);
        }
        return out;
    }

    private Map<String, Object> object() throws MalformedJson {
        space();
        expect('{');
        Map<String, Object> out = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            at++;
            return out;
        }
        while (true) {
            space();
            int keyAt = at;
            String key = string();
            if (out.containsKey(key)) {
                throw new MalformedJson("duplicate member '" + key + "'", keyAt);
            }
            if (out.size() == MAX_MEMBERS) {
                throw new MalformedJson("more than " + MAX_MEMBERS + " members", keyAt);
            }
            space();
            expect(':');
            space();
            out.put(key, value());
            space();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new MalformedJson("expected ',' or '}'", at - 1);
            }
        }
    }

    private Object value() throws MalformedJson {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            return array();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (s.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        throw new MalformedJson("expected a string, an integer, a boolean or an array of strings", at);
    }

    private List<String> array() throws MalformedJson {
        expect('[');
        List<String> out = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return out;
        }
        while (true) {
            space();
            if (out.size() == MAX_ARRAY) {
                throw new MalformedJson("more than " + MAX_ARRAY + " array items", at);
            }
            out.add(string());
            space();
            char c = next();
            if (c == ']') {
                return List.copyOf(out);
            }
            if (c != ',') {
                throw new MalformedJson("expected ',' or ']'", at - 1);
            }
        }
    }

    private Long number() throws MalformedJson {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (at < s.length() && Character.isDigit(s.charAt(at)) && s.charAt(at) < 128) {
            at++;
        }
        String digits = s.substring(start, at);
        if (digits.isEmpty() || digits.equals("-") || digits.length() > 19) {
            throw new MalformedJson("an integer of 1 to 18 digits", start);
        }
        if (at < s.length() && (s.charAt(at) == '.' || s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
            throw new MalformedJson("fractions and exponents are not used in claims", at);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new MalformedJson("integer out of range", start);
        }
    }

    private String string() throws MalformedJson {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (out.length() > MAX_STRING) {
                throw new MalformedJson("a string longer than " + MAX_STRING + " characters", at);
            }
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new MalformedJson("control character in a string", at - 1);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw new MalformedJson("bad escape \\" + e, at - 1);
            }
        }
    }

    private char hex4() throws MalformedJson {
        if (at + 4 > s.length()) {
            throw new MalformedJson("truncated \\u escape", at);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(at + i), 16);
            if (d < 0) {
                throw new MalformedJson("bad \\u escape", at);
            }
            v = v * 16 + d;
        }
        at += 4;
        return (char) v;
    }

    private void space() {
        while (at < s.length()
                && (s.charAt(at) == ' ' || s.charAt(at) == '\t' || s.charAt(at) == '\n' || s.charAt(at) == '\r')) {
            at++;
        }
    }

    private char peek() throws MalformedJson {
        if (at >= s.length()) {
            throw new MalformedJson("unexpected end", at);
        }
        return s.charAt(at);
    }

    private char next() throws MalformedJson {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) throws MalformedJson {
        if (next() != c) {
            throw new MalformedJson("expected '" + c + "'", at - 1);
        }
    }

    /** A JSON string literal of {@code value}, escaped so it cannot end early. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
