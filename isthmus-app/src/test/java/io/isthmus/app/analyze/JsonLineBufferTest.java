package io.isthmus.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.HexText;
import io.isthmus.wire.LazyAttributes;
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

    @Test
    void numbersAroundEveryPowerOfTenAndRandomOnesAreTheirDecimalText() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            long v = round < 19 * 3 ? powerOfTen(round / 3) - 1 + round % 3 : random.nextLong() >>> random.nextInt(64);
            var bytes = new ByteArrayOutputStream();
            try (var b = new JsonLineBuffer(bytes, 64)) {
                b.number(v);
                b.raw(' ');
                b.number(-v);
            }
            assertThat(bytes.toString()).isEqualTo(v + " " + (-v));
        }
    }

    @Test
    void hexDigitsAreWhatHexTextGives() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 1_000; round++) {
            long v = random.nextLong();
            int digits = 1 + random.nextInt(16);
            var bytes = new ByteArrayOutputStream();
            try (var b = new JsonLineBuffer(bytes, 64)) {
                b.hex(v, digits);
            }
            assertThat(bytes.toString()).isEqualTo(HexText.of(v, digits));
        }
    }

    @Test
    void aStringWrittenInPiecesIsTheSameAsWrittenWhole() throws IOException {
        Random random = new Random(13);
        for (int round = 0; round < 300; round++) {
            String s = randomString(random, random.nextInt(round < 10 ? 40_000 : 200));
            int cut = s.isEmpty() ? 0 : random.nextInt(s.length());
            var bytes = new ByteArrayOutputStream();
            try (var b = new JsonLineBuffer(bytes, 1 << 16)) {
                b.raw('"');
                b.content(s.substring(0, cut));
                b.content(s.substring(cut));
                b.raw('"');
            }
            assertThat(bytes.toByteArray()).as("round %d", round).isEqualTo(jacksonString(s));
        }
    }

    @Test
    void lazilyDescribedAttributesAreWrittenAsTheirListWouldBe() throws IOException {
        LazyAttributes lazy = new LazyAttributes() {
            @Override
            public void writeTo(AttributeSink out) {
                out.name("empty");
                out.name("hex");
                out.hex(0x1234, 4);
                out.text(" and \"quoted\" ");
                out.decimal(-42);
                out.name("plain");
                out.text("é\n");
            }
        };
        var pieces = new ByteArrayOutputStream();
        try (var b = new JsonLineBuffer(pieces, 64)) {
            JsonAttributes sink = new JsonAttributes(b);
            sink.start();
            lazy.writeTo(sink);
            sink.finish();
        }
        var whole = new ByteArrayOutputStream();
        try (var b = new JsonLineBuffer(whole, 64)) {
            for (int i = 0; i < lazy.size(); i++) {
                if (i > 0) {
                    b.raw(',');
                }
                b.string(lazy.get(i).name());
                b.raw(':');
                b.string(lazy.get(i).value());
            }
        }
        assertThat(pieces.toString()).isEqualTo(whole.toString());
        assertThat(whole.toString())
                .isEqualTo("\"empty\":\"\",\"hex\":\"0x1234 and \\\"quoted\\\" -42\",\"plain\":\"é\\n\"");
    }

    private static long powerOfTen(int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }

    private static String randomString(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : 0x20 + random.nextInt(0x60)));
        }
        return b.toString();
    }

    private static byte[] jacksonString(String s) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeString(s);
        }
        return bytes.toByteArray();
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

    @Test
    void cachedStringsAreTheSameBytesOnEverySighting() throws IOException {
        Random random = new Random(17);
        // Few distinct String objects written many times (hits after the second sighting), many
        // made anew (never kept), all sorts of chars, lengths around the cache's limit.
        String[] constants = new String[3_000];
        for (int i = 0; i < constants.length; i++) {
            constants[i] = randomString(random, random.nextInt(i % 10 == 0 ? 200 : 40));
        }
        var ours = new ByteArrayOutputStream();
        var plain = new ByteArrayOutputStream();
        try (var a = new JsonLineBuffer(ours, 512);
                var b = new JsonLineBuffer(plain, 1 << 16)) {
            for (int round = 0; round < 50_000; round++) {
                String s = random.nextInt(4) == 0
                        ? new String(constants[random.nextInt(constants.length)])
                        : constants[random.nextInt(round < 100 ? 5 : constants.length)];
                if (random.nextBoolean()) {
                    a.cachedString(s);
                    b.string(s);
                } else {
                    a.cachedContent(s);
                    b.content(s);
                }
            }
        }
        assertThat(ours.toByteArray()).isEqualTo(plain.toByteArray());
    }

    @Test
    void enumTextsEncodedOnceAreTheStringsBytes() throws IOException {
        for (String s : new String[] {
            "", "modbus", "pn_dcp", "quote \" é \uD800", "x".repeat(100), "\u0001".repeat(20_000), "é".repeat(40_000)
        }) {
            assertThat(JsonLineBuffer.quoted(s)).isEqualTo(jacksonString(s));
        }
    }

    /**
     * Strings that share a cache slot (the slot depends on the length and the first, middle and
     * last chars only) or sit in neighbouring slots, written in runs of one to three as requests
     * and responses come: kept, displaced to the neighbour and replaced all the time, every
     * sighting must still give the string's own bytes.
     */
    @Test
    void stringsSharingASlotAndItsNeighbourWrittenInRunsAreTheirOwnBytes() throws IOException {
        String[] strings = new String[24];
        for (int i = 0; i < strings.length; i++) {
            // "a?m?z" and "a?m?{": the same slot for one last char, the neighbouring slot for the other.
            strings[i] = "a" + (char) ('0' + i % 6) + "m" + (char) ('A' + i % 4) + (i < 12 ? "z" : "{");
        }
        Random random = new Random(23);
        var ours = new ByteArrayOutputStream();
        var plain = new ByteArrayOutputStream();
        try (var a = new JsonLineBuffer(ours, 256);
                var b = new JsonLineBuffer(plain, 1 << 16)) {
            for (int round = 0; round < 20_000; round++) {
                String s = strings[random.nextInt(round < 1_000 ? 3 : strings.length)];
                for (int run = 1 + random.nextInt(3); run > 0; run--) {
                    a.cachedString(s);
                    b.string(s);
                    a.raw(',');
                    b.raw(',');
                }
            }
        }
        assertThat(ours.toByteArray()).isEqualTo(plain.toByteArray());
    }
}
