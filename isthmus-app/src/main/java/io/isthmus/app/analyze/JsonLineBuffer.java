package io.isthmus.app.analyze;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of JSON lines, written straight into one large buffer: the throughput path of {@code
 * isthmus analyze} writes about two million small objects per 300 MB capture, and Jackson's
 * generator (context checks per value, a field-name lookup per attribute) cost as much as decoding.
 *
 * <p>Strings are escaped exactly as Jackson's default {@code UTF8JsonGenerator} does, so the output
 * stays byte-identical to what earlier versions wrote: {@code "} and {@code \} with a backslash;
 * backspace, tab, newline, form feed and carriage return by their letter; other controls below
 * U+0020, and each surrogate char, as a backslash, {@code u} and four upper-case hex digits;
 * everything else as UTF-8. {@code JsonLineBufferTest}
 * holds this to Jackson's output. Not thread-safe.
 */
final class JsonLineBuffer implements AutoCloseable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** "00" to "99", the two digits of each value below 100 side by side (also for timestamps). */
    static final byte[] PAIRS = new byte[200];
    /** Per char below 0x80: 0 = copied as is, -1 = the four-digit escape, else the letter after {@code \}. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    /** The most bytes one char can take escaped (backslash, u, four hex digits). */
    private static final int MAX_PER_CHAR = 6;

    /** Slots of the escaped-string cache (a power of two) and the longest string it keeps. */
    private static final int CACHE_SLOTS = 1024;

    private static final int CACHE_MAX_CHARS = 128;

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    /*
     * Escaped content of strings seen again by identity: names, protocol and service names and
     * status texts are the same few String objects on every line, and copying their bytes costs a
     * fraction of escaping them char by char. A string is kept on its second sighting, so strings
     * made per message (a tag name, a concatenation) only pass through {@code seenOnce}. Bounded:
     * at most CACHE_SLOTS strings of CACHE_MAX_CHARS chars. Two-way: a string is looked for in its
     * slot and the slot's neighbour ({@code slot ^ 1}); a new one goes into its slot and the one it
     * displaces moves next door, so two strings that share a slot and alternate in runs (a request
     * and its response's names, e.g. "object-type" and "object-name") both stay (docs/benchmarks.md,
     * "(perf13w)"). Unused for {@link #quoted}'s one-off buffers.
     */
    private final String[] cachedKeys;
    private final byte[][] cachedBytes;
    private final String[] seenOnce;

    JsonLineBuffer(OutputStream out, int size) {
        this(out, size, true);
    }

    /** Without the string cache ({@link #quoted}: one string, then thrown away). */
    private JsonLineBuffer(OutputStream out, int size, boolean cache) {
        if (size < 64) {
            throw new IllegalArgumentException("buffer size must be at least 64 bytes, was " + size);
        }
        this.out = out;
        this.buf = new byte[size];
        this.cachedKeys = cache ? new String[CACHE_SLOTS] : null;
        this.cachedBytes = cache ? new byte[CACHE_SLOTS][] : null;
        this.seenOnce = cache ? new String[CACHE_SLOTS] : null;
    }

    /** Pre-encoded bytes (field names with their quotes and colon, punctuation). */
    void raw(byte[] bytes) throws IOException {
        if (bytes.length > buf.length - pos) {
            flush();
            if (bytes.length > buf.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** Pre-encoded bytes from {@code offset} to the end. */
    void raw(byte[] bytes, int offset) throws IOException {
        int n = bytes.length - offset;
        if (n > buf.length - pos) {
            flush();
            if (n > buf.length) {
                out.write(bytes, offset, n);
                return;
            }
        }
        System.arraycopy(bytes, offset, buf, pos, n);
        pos += n;
    }

    void raw(char ascii) throws IOException {
        ensure(1);
        buf[pos++] = (byte) ascii;
    }

    /** A decimal number, as Jackson's {@code writeNumber(long)} writes it. */
    void number(long v) throws IOException {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                raw(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            buf[pos++] = '-';
            v = -v;
        }
        int count = digits(v);
        fill(v, pos + count, count);
        pos += count;
    }

    /** {@code count} decimal digits of {@code v}, zero-padded on the left (timestamps' fractions). */
    void digits(long v, int count) throws IOException {
        ensure(count);
        fill(v, pos + count, count);
        pos += count;
    }

    /**
     * The low {@code count} decimal digits of {@code v} (not negative) in the bytes before {@code
     * end}, two at a time from a table while the value fits an int: this runs several times per line.
     */
    private void fill(long v, int end, int count) {
        int i = end;
        int start = end - count;
        while (v > Integer.MAX_VALUE && i > start) {
            buf[--i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        int x = (int) v;
        while (i - start >= 2) {
            int q = x / 100;
            int r = (x - q * 100) << 1;
            buf[--i] = PAIRS[r + 1];
            buf[--i] = PAIRS[r];
            x = q;
        }
        if (i > start) {
            buf[--i] = (byte) ('0' + x % 10);
        }
    }

    /** A JSON string: quotes and escaped content. */
    void string(String s) throws IOException {
        int n = s.length();
        if ((long) n * MAX_PER_CHAR + 2 > buf.length - pos) {
            flush();
            if ((long) n * MAX_PER_CHAR + 2 > buf.length) {
                raw('"');
                longContent(s);
                raw('"');
                return;
            }
        }
        buf[pos++] = '"';
        escaped(s, n);
        buf[pos++] = '"';
    }

    /**
     * The escaped content of a JSON string without its quotes: a value written in pieces (a lazily
     * described attribute, {@code io.isthmus.wire.AttributeSink}) between {@link #raw(char)} quotes.
     */
    void content(String s) throws IOException {
        int n = s.length();
        if ((long) n * MAX_PER_CHAR > buf.length - pos) {
            flush();
            if ((long) n * MAX_PER_CHAR > buf.length) {
                longContent(s);
                return;
            }
        }
        escaped(s, n);
    }

    /**
     * The same bytes as {@link #string}, from the cache when {@code s} is a String object written
     * before: for texts that are mostly constants (names, enum texts, service names).
     */
    void cachedString(String s) throws IOException {
        int n = s.length();
        if (n == 0 || n > CACHE_MAX_CHARS) {
            string(s);
            return;
        }
        ensure(n * MAX_PER_CHAR + 2);
        buf[pos++] = '"';
        cached(s, n);
        buf[pos++] = '"';
    }

    /** The same bytes as {@link #content}, from the cache when {@code s} was written before. */
    void cachedContent(String s) throws IOException {
        int n = s.length();
        if (n == 0 || n > CACHE_MAX_CHARS) {
            content(s);
            return;
        }
        ensure(n * MAX_PER_CHAR);
        cached(s, n);
    }

    /** Room for {@code n} (1..CACHE_MAX_CHARS) chars escaped is there. */
    private void cached(String s, int n) {
        int slot = (n * 31 + s.charAt(0) * 7 + s.charAt(n >> 1) * 131 + s.charAt(n - 1)) & (CACHE_SLOTS - 1);
        if (cachedKeys[slot] == s) {
            copy(cachedBytes[slot]);
            return;
        }
        int other = slot ^ 1;
        if (cachedKeys[other] == s) {
            copy(cachedBytes[other]);
            return;
        }
        int start = pos;
        escaped(s, n);
        if (seenOnce[slot] == s) {
            if (cachedKeys[slot] != null) {
                cachedKeys[other] = cachedKeys[slot];
                cachedBytes[other] = cachedBytes[slot];
            }
            cachedKeys[slot] = s;
            cachedBytes[slot] = Arrays.copyOfRange(buf, start, pos);
        } else {
            seenOnce[slot] = s;
        }
    }

    /** A cached string's bytes; room for them is there. */
    private void copy(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** Room for {@code n} chars escaped is there. */
    private void escaped(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && ESCAPES[c] == 0) {
                buf[pos++] = (byte) c;
            } else {
                encode(c);
            }
        }
    }

    /** Strings longer than a sixth of the buffer: char by char with a capacity check each. */
    private void longContent(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            ensure(MAX_PER_CHAR);
            char c = s.charAt(i);
            if (c < 0x80 && ESCAPES[c] == 0) {
                buf[pos++] = (byte) c;
            } else {
                encode(c);
            }
        }
    }

    /**
     * {@code 0x} and the low {@code digits} (1..16) upper-case hexadecimal digits of {@code v}, as
     * {@code io.isthmus.wire.HexText} writes them, inside a string.
     */
    void hex(long v, int digits) throws IOException {
        ensure(2 + digits);
        buf[pos] = '0';
        buf[pos + 1] = 'x';
        int end = pos + 1 + digits;
        for (int i = 0; i < digits; i++) {
            buf[end - i] = HEX[(int) (v >>> (4 * i)) & 0x0F];
        }
        pos = end + 1;
    }

    /** One char that is not plain ASCII; room for {@link #MAX_PER_CHAR} bytes is there. */
    private void encode(char c) {
        if (c < 0x80) {
            byte e = ESCAPES[c];
            buf[pos++] = '\\';
            if (e > 0) {
                buf[pos++] = e;
            } else {
                unicodeEscape(c);
            }
        } else if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            buf[pos++] = '\\';
            unicodeEscape(c);
        } else {
            buf[pos++] = (byte) (0xE0 | (c >> 12));
            buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** {@code u} and four hex digits, after a backslash already written. */
    private void unicodeEscape(char c) {
        buf[pos++] = 'u';
        buf[pos++] = HEX[(c >> 12) & 0xF];
        buf[pos++] = HEX[(c >> 8) & 0xF];
        buf[pos++] = HEX[(c >> 4) & 0xF];
        buf[pos++] = HEX[c & 0xF];
    }

    private void ensure(int n) throws IOException {
        if (n > buf.length - pos) {
            flush();
        }
    }

    /** How many decimal digits {@code v} (not negative) has. */
    private static int digits(long v) {
        if (v < 10) {
            return 1;
        }
        if (v < 100) {
            return 2;
        }
        if (v < 1000) {
            return 3;
        }
        if (v < 10000) {
            return 4;
        }
        if (v < 100000) {
            return 5;
        }
        int d = 6;
        long limit = 1_000_000L;
        while (d < 19 && v >= limit) {
            limit *= 10;
            d++;
        }
        return d;
    }

    /**
     * {@code s} as a quoted JSON string's bytes, for texts encoded once (enum ids) and the writer's
     * caches of names: a buffer the escaped string fits in, without the string cache (its three
     * tables, 12 KB, were most of what the writer thread allocated while a function name cache
     * thrashed; docs/benchmarks.md, "(perf13w)").
     */
    static byte[] quoted(String s) {
        long fits = (long) s.length() * MAX_PER_CHAR + 2;
        if (fits > 1 << 16) {
            var bytes = new ByteArrayOutputStream();
            try (JsonLineBuffer b = new JsonLineBuffer(bytes, 64, false)) {
                b.string(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
        var b = new JsonLineBuffer(null, Math.max(64, (int) fits), false);
        b.buf[b.pos++] = '"';
        b.escaped(s, s.length());
        b.buf[b.pos++] = '"';
        return Arrays.copyOf(b.buf, b.pos);
    }

    void flush() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Writes what is buffered and closes the stream. */
    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
    }
}
