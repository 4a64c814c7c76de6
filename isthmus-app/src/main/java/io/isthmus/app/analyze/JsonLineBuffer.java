package io.isthmus.app.analyze;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

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
    /** Per char below 0x80: 0 = copied as is, -1 = the four-digit escape, else the letter after {@code \}. */
    private static final byte[] ESCAPES = new byte[128];

    static {
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

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    JsonLineBuffer(OutputStream out, int size) {
        if (size < 64) {
            throw new IllegalArgumentException("buffer size must be at least 64 bytes, was " + size);
        }
        this.out = out;
        this.buf = new byte[size];
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
        int digits = digits(v);
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    /** {@code count} decimal digits of {@code v}, zero-padded on the left (timestamps' fractions). */
    void digits(long v, int count) throws IOException {
        ensure(count);
        for (int i = pos + count - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos += count;
    }

    /** A JSON string: quotes and escaped content. */
    void string(String s) throws IOException {
        int n = s.length();
        if ((long) n * MAX_PER_CHAR + 2 > buf.length - pos) {
            flush();
            if ((long) n * MAX_PER_CHAR + 2 > buf.length) {
                longString(s);
                return;
            }
        }
        buf[pos++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && ESCAPES[c] == 0) {
                buf[pos++] = (byte) c;
            } else {
                encode(c);
            }
        }
        buf[pos++] = '"';
    }

    /** Strings longer than a sixth of the buffer: char by char with a capacity check each. */
    private void longString(String s) throws IOException {
        raw('"');
        for (int i = 0; i < s.length(); i++) {
            ensure(MAX_PER_CHAR);
            char c = s.charAt(i);
            if (c < 0x80 && ESCAPES[c] == 0) {
                buf[pos++] = (byte) c;
            } else {
                encode(c);
            }
        }
        raw('"');
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

    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
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
