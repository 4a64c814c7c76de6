package io.isthmus.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Capture times are the text java.time's formatter gave before the arithmetic replaced it. */
class TimestampsTest {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @ParameterizedTest
    @ValueSource(
            longs = {
                0L, // the epoch
                1L,
                -1L, // before 1970: 1969-12-31T23:59:59.999999999Z
                -1_000_000_000L,
                -999_999_999L,
                1_767_225_599_999_999_999L, // last nanosecond of 2025
                1_767_225_600_000_000_000L, // first of 2026
                1_709_164_800_000_000_000L, // 2024-02-29, a leap day
                951_782_400_000_000_000L, // 2000-02-29 (400-year rule)
                -2_203_891_200_000_000_000L, // 1900-03-01 (1900 is not a leap year)
                1_798_761_599_123_456_789L,
                Long.MIN_VALUE, // 1677-09-21
                Long.MAX_VALUE // 2262-04-11
            })
    void timesAreTheFormattersText(long nanos) throws IOException {
        assertThat(ours(new Timestamps(), nanos)).isEqualTo(expected(nanos));
    }

    @Test
    void randomTimesAndAlternatingDaysAreTheFormattersText() throws IOException {
        Random random = new Random(3);
        Timestamps shared = new Timestamps();
        for (int round = 0; round < 20_000; round++) {
            long nanos = switch (round % 3) {
                case 0 -> random.nextLong();
                case 1 -> 1_700_000_000_000_000_000L + random.nextLong(200_000_000_000_000L);
                default -> -random.nextLong(3_000_000_000_000_000_000L);
            };
            // One instance across all rounds: the cached date must follow every change of day.
            assertThat(ours(shared, nanos)).as("%d", nanos).isEqualTo(expected(nanos));
        }
    }

    private static String ours(Timestamps t, long nanos) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var b = new JsonLineBuffer(bytes, 64)) {
            t.write(nanos, b);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private static String expected(long nanos) {
        long second = Math.floorDiv(nanos, 1_000_000_000L);
        long fraction = Math.floorMod(nanos, 1_000_000_000L);
        String date = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(SECONDS);
        return "\"" + date + "." + String.format("%09d", fraction) + "Z\"";
    }
}
