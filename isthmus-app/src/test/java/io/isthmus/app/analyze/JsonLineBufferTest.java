package io.isthmus.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written JSON bytes equal what Jackson's default generator wrote before them. */
class JsonLineBufferTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Read Holding Registers",
                "quote \" backslash \\ slash /",
                "controls \u0000 \u0001 \b \t \n \u000B \f \r \u001F \u007F",
                "latin é ß ÿ",
                "bmp € 中文 \uFFFD \uFFFF",
                "pair \uD83D\uDE00 lone high \uD800 lone low \uDC00",
                "0x12020100 (Success)"
            })
    void stringsAreEscapedAsJacksonEscapesThem(String s) throws IOException {
        assertThat(ours(s, 1 << 16)).isEqualTo(jackson(s));
    }

    @Test
    void randomStringsMatchJacksonWithBuffersSmallAndLarge() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            char[] c = new char[random.nextInt(200)];
            for (int i = 0; i < c.length; i++) {
                c[i] = switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) random.nextInt(0x800);
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));
                    default -> (char) random.nextInt(0x10000);
                };
            }
            String s = new String(c);
            // 64 bytes forces the char-by-char path for long strings and flushes mid-line.
            assertThat(ours(s, 64)).as("round %d", round).isEqualTo(jackson(s));
            assertThat(ours(s, 1 << 16)).as("round %d", round).isEqualTo(jackson(s));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 65535, -1, -10, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE})
    void numbersAreWrittenAsJacksonWritesThem(long v) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var b = new JsonLineBuffer(bytes, 64)) {
            b.number(v);
        }
        var expected = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(expected, JsonEncoding.UTF8)) {
            g.writeNumber(v);
        }
        assertThat(bytes.toString()).isEqualTo(expected.toString());
    }

    @Test
    void fractionDigitsArePaddedWithZeros() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var b = new JsonLineBuffer(bytes, 64)) {
            b.digits(35_000, 9);
            b.raw(' ');
            b.digits(0, 9);
        }
        assertThat(bytes.toString()).isEqualTo("000035000 000000000");
    }

    private static byte[] ours(String s, int size) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var b = new JsonLineBuffer(bytes, size)) {
            b.raw('[');
            b.string(s);
            b.raw(',');
            b.string(s);
            b.raw(']');
        }
        return bytes.toByteArray();
    }

    private static byte[] jackson(String s) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartArray();
            g.writeString(s);
            g.writeString(s);
            g.writeEndArray();
        }
        return bytes.toByteArray();
    }
}
