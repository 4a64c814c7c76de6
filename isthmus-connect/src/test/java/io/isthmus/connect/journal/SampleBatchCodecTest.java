package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.Value;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleBatchCodecTest {
    private final SampleBatchCodec codec = SampleBatchCodec.withDefaults();

    private List<Sample> roundTrip(List<Sample> samples) {
        var decoded = codec.decode(codec.encode(samples));
        assertThat(decoded).isInstanceOf(SampleBatchDecoding.Decoded.class);
        return ((SampleBatchDecoding.Decoded) decoded).samples();
    }

    @Test
    void a_batch_of_every_value_kind_and_quality_comes_back_equal() {
        Instant t = Instant.parse("2026-11-25T08:00:00.123456789Z");
        List<Sample> samples = List.of(
                new Sample(Samples.tag("filler", "running"), t, Value.of(true), Quality.GOOD),
                new Sample(Samples.tag("filler", "fault"), t, Value.of(false), Quality.STALE),
                new Sample(
                        Samples.tag("filler", "count"), t.plusSeconds(1), Value.of(Long.MIN_VALUE), Quality.BAD_COMM),
                new Sample(Samples.tag("capper", "torque"), t.minusSeconds(3600), Value.of(-0.0), Quality.BAD_DEVICE),
                new Sample(Samples.tag("capper", "nan"), t, Value.of(Double.NaN), Quality.GOOD),
                new Sample(Samples.tag("labeler", "recipe"), t, Value.of("Grüner Tee 0,5 l 🍵"), Quality.GOOD),
                new Sample(Samples.tag("labeler", "empty"), t, Value.of(""), Quality.GOOD));

        assertThat(roundTrip(samples)).isEqualTo(samples);
    }

    @Test
    void source_times_at_the_limits_of_instant_survive() {
        List<Sample> samples = List.of(
                Sample.good(Samples.tag("a", "min"), Instant.MIN, Value.of(1)),
                Sample.good(Samples.tag("a", "max"), Instant.MAX, Value.of(2)),
                Sample.good(Samples.tag("a", "epoch"), Instant.EPOCH, Value.of(3)),
                Sample.good(Samples.tag("a", "before"), Instant.parse("1969-07-20T20:17:40.5Z"), Value.of(4)));

        assertThat(roundTrip(samples)).isEqualTo(samples);
    }

    /** The summary the full decoding implies: used paths, earliest and latest time in µs (saturated). */
    static SampleBatchCodec.Summary summaryOf(List<Sample> samples) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        var paths = new java.util.TreeSet<String>();
        for (Sample s : samples) {
            long micros;
            try {
                micros = Math.addExact(
                        Math.multiplyExact(s.sourceTime().getEpochSecond(), 1_000_000L),
                        s.sourceTime().getNano() / 1000);
            } catch (ArithmeticException e) {
                micros = s.sourceTime().getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            min = Math.min(min, micros);
            max = Math.max(max, micros);
            paths.add(s.path().toString());
        }
        return new SampleBatchCodec.Summary(List.copyOf(paths), min, max);
    }

    static SampleBatchCodec.Summary sorted(SampleBatchCodec.Summary s) {
        return new SampleBatchCodec.Summary(s.paths().stream().sorted().toList(), s.minMicros(), s.maxMicros());
    }

    @Test
    void the_summary_names_the_paths_and_time_span_that_full_decoding_finds() {
        Instant t = Instant.parse("2026-11-25T08:00:00.123456789Z");
        List<Sample> samples = List.of(
                new Sample(Samples.tag("filler", "running"), t, Value.of(true), Quality.GOOD),
                new Sample(Samples.tag("filler", "count"), t.plusSeconds(5), Value.of(42), Quality.BAD_COMM),
                new Sample(Samples.tag("capper", "torque"), t.minusSeconds(3600), Value.of(1.5), Quality.GOOD),
                new Sample(Samples.tag("labeler", "recipe"), t, Value.of("Grüner Tee"), Quality.STALE),
                new Sample(Samples.tag("filler", "running"), t.plusMillis(1), Value.of(false), Quality.GOOD));

        var summary = codec.summarize(codec.encode(samples)).orElseThrow();

        assertThat(sorted(summary)).isEqualTo(summaryOf(samples));
        assertThat(summary.paths()).hasSize(4);
        assertThat(summary.minMicros()).isEqualTo(t.minusSeconds(3600).getEpochSecond() * 1_000_000 + 123_456);
    }

    @Test
    void an_accumulator_over_many_batches_holds_their_distinct_paths_and_whole_span() {
        var into = new SummaryAccumulator(1 << 16, 1 << 20);
        var random = new java.util.Random(6);
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        for (int round = 0; round < 20; round++) {
            into.clear();
            List<Sample> all = new java.util.ArrayList<>();
            byte[] previous = null;
            for (int batch = 0; batch < 1 + random.nextInt(12); batch++) {
                List<Sample> samples = new java.util.ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    samples.add(Sample.good(
                            Samples.tag("cell" + random.nextInt(5), "p" + random.nextInt(2)),
                            t.plusMillis(random.nextInt(10_000)),
                            Value.of(i)));
                }
                // every third batch repeats the path table of the one before, as a poller's cycle does
                byte[] bytes =
                        previous != null && batch % 3 == 2 ? repeatTable(previous, t, random) : codec.encode(samples);
                all.addAll(codec.decode(bytes) instanceof SampleBatchDecoding.Decoded d ? d.samples() : List.of());

                assertThat(codec.summarizeInto(bytes, into))
                        .as("round %d batch %d", round, batch)
                        .isTrue();
                previous = bytes;
            }

            var expected = summaryOf(all);
            assertThat(into.sortedPaths(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(expected.paths());
            assertThat(into.pathCount()).isEqualTo(expected.paths().size());
            assertThat(into.minMicros()).isEqualTo(expected.minMicros());
            assertThat(into.maxMicros()).isEqualTo(expected.maxMicros());
            assertThat(into.saturated()).isFalse();
        }
    }

    /** A batch with the same paths as {@code batch}, other times and values. */
    private byte[] repeatTable(byte[] batch, Instant t, java.util.Random random) {
        var d = (SampleBatchDecoding.Decoded) codec.decode(batch);
        return codec.encode(d.samples().stream()
                .map(s -> Sample.good(s.path(), t.plusMillis(random.nextInt(20_000)), Value.of(random.nextInt())))
                .toList());
    }

    @Test
    void a_malformed_batch_adds_nothing_to_the_accumulator() {
        var into = new SummaryAccumulator(1 << 16, 1 << 20);
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        byte[] good = codec.encode(List.of(Sample.good(Samples.tag("a", "x"), t, Value.of(1))));
        byte[] other = codec.encode(List.of(
                Sample.good(Samples.tag("b", "y"), t.plusSeconds(9), Value.of(1)),
                Sample.good(Samples.tag("b", "z"), t.plusSeconds(9), Value.of(2))));
        assertThat(codec.summarizeInto(good, into)).isTrue();

        for (int cut = 0; cut < other.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(other, cut);
            boolean added = codec.summarizeInto(truncated, into);
            if (added) { // a cut after the path table: the version 2 summary does not read the samples
                into.clear();
                assertThat(codec.summarizeInto(good, into)).isTrue();
                continue;
            }
            assertThat(into.sortedPaths(Integer.MAX_VALUE, 100))
                    .as("cut at %d", cut)
                    .isEqualTo(summaryOf(
                                    codec.decode(good) instanceof SampleBatchDecoding.Decoded d
                                            ? d.samples()
                                            : List.of())
                            .paths());
            assertThat(into.minMicros()).isEqualTo(into.maxMicros());
        }
    }

    @Test
    void a_batch_inside_a_larger_array_summarizes_as_alone_and_no_byte_outside_it_is_read() {
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        byte[] batch = codec.encode(List.of(
                Sample.good(Samples.tag("a", "x"), t, Value.of(1)),
                Sample.good(Samples.tag("b", "y"), t.plusSeconds(3), Value.of(2))));
        byte[] before = {0x02, 0x05, 0x07}; // a version 2 header's bytes: what a reader running left would take
        for (int cut = 0; cut <= batch.length; cut++) {
            byte[] alone = java.util.Arrays.copyOf(batch, cut);
            // the cut batch, then the rest of the batch and more: bytes a reader running past the end would accept
            byte[] packed = new byte[before.length + batch.length + batch.length];
            System.arraycopy(before, 0, packed, 0, before.length);
            System.arraycopy(batch, 0, packed, before.length, batch.length);
            System.arraycopy(batch, 0, packed, before.length + batch.length, batch.length);
            var expected = new SummaryAccumulator(1 << 16, 1 << 20);
            var actual = new SummaryAccumulator(1 << 16, 1 << 20);

            boolean expectedAdded = codec.summarizeInto(alone, expected);
            boolean added = codec.summarizeInto(packed, before.length, cut, actual);

            assertThat(added).as("cut at %d", cut).isEqualTo(expectedAdded);
            assertThat(actual.sortedPaths(Integer.MAX_VALUE, 100))
                    .as("cut at %d", cut)
                    .isEqualTo(expected.sortedPaths(Integer.MAX_VALUE, 100));
            assertThat(actual.minMicros()).isEqualTo(expected.minMicros());
            assertThat(actual.maxMicros()).isEqualTo(expected.maxMicros());
        }
        assertThat(codec.summarizeInto(batch, 0, batch.length, new SummaryAccumulator(1 << 16, 1 << 20)))
                .isTrue();
        assertThatThrownBy(() -> codec.summarizeInto(batch, 1, batch.length, new SummaryAccumulator(16, 1024)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void the_accumulator_agrees_with_the_full_decoding_on_every_single_byte_change_of_a_batch() {
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        byte[] good = codec.encode(List.of(
                Sample.good(Samples.tag("a", "x"), t, Value.of(1)),
                Sample.good(Samples.tag("a", "y"), t.plusSeconds(1), Value.of(2)),
                Sample.good(Samples.tag("b", "z"), t.plusSeconds(2), Value.of(3))));
        byte[] replacements = {
            0x00, 0x01, 0x02, 0x06, 0x07, 0x20, 0x21, 0x2F, 0x41, 0x7E, 0x7F, (byte) 0x80, (byte) 0xFF
        };
        int accepted = 0;
        int rejected = 0;
        for (int at = 0; at < good.length; at++) {
            for (byte b : replacements) {
                byte[] changed = good.clone();
                changed[at] = b;
                var into = new SummaryAccumulator(1 << 16, 1 << 20);
                boolean added = codec.summarizeInto(changed, into);
                switch (codec.decode(changed)) {
                    case SampleBatchDecoding.Decoded d -> {
                        var expected = summaryOf(d.samples());
                        assertThat(added)
                                .as("byte %d = %02x", at, b)
                                .isEqualTo(!expected.paths().isEmpty());
                        if (added) {
                            accepted++;
                            assertThat(into.sortedPaths(Integer.MAX_VALUE, 100))
                                    .as("byte %d = %02x", at, b)
                                    .isEqualTo(expected.paths());
                        }
                    }
                    case SampleBatchDecoding.Malformed m -> {
                        // the summary checks only the wire rules (shared count, lengths, printable ASCII),
                        // not TagPath's character set, and does not read the samples
                        if (!added) {
                            rejected++;
                            assertThat(into.pathCount())
                                    .as("byte %d = %02x", at, b)
                                    .isZero();
                        }
                    }
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    @Test
    void a_path_spelled_in_other_segments_is_one_path_in_the_accumulator() {
        // version 2 by hand: the wire allows a slash inside a segment (TagPath never writes one), and
        // a path is its spelling, so these five paths are three distinct ones
        var table = new java.io.ByteArrayOutputStream();
        path(table, 0, "a", "b", "c", "d", "e", "f", "g"); // a/b/c/d/e/f/g
        path(table, 0, "a", "b", "c", "d", "e", "f", "g/h"); // a/b/c/d/e/f/g/h
        path(table, 5, "f/g", "h"); // a/b/c/d/e/f/g/h again
        path(table, 6, "i"); // a/b/c/d/e/f/g/i
        path(table, 5, "f", "g"); // a/b/c/d/e/f/g again, after the spelled ones
        byte[] header = {2, 5, 5, 0, 0}; // version, 5 samples, 5 paths, span from 0 µs, width 0
        byte[] samples = new byte[5 * 4]; // not read by the summary; only their room is checked
        byte[] batch = concat(header, table.toByteArray(), samples);
        var into = new SummaryAccumulator(1 << 16, 1 << 20);

        assertThat(codec.summarizeInto(batch, into)).isTrue();

        assertThat(into.sortedPaths(Integer.MAX_VALUE, 100))
                .containsExactly("a/b/c/d/e/f/g", "a/b/c/d/e/f/g/h", "a/b/c/d/e/f/g/i");
        assertThat(into.pathCount()).isEqualTo(3);
    }

    /** One path of a version 2 path table: the shared segment count, then each new segment. */
    private static void path(java.io.ByteArrayOutputStream out, int shared, String... segments) {
        out.write(shared);
        for (String segment : segments) {
            out.write(segment.length());
            out.writeBytes(segment.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void the_accumulator_keeps_one_of_each_path_across_many_overlapping_tables_and_takes_back_a_malformed_one() {
        var into = new SummaryAccumulator(1 << 16, 1 << 20);
        var random = new java.util.Random(15);
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        List<Sample> all = new java.util.ArrayList<>();
        for (int batch = 0; batch < 200; batch++) {
            List<Sample> samples = new java.util.ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                int machine = random.nextInt(6);
                samples.add(Sample.good(
                        new io.isthmus.model.TagPath(
                                "acme",
                                "plant" + random.nextInt(2),
                                "bottling",
                                "line1",
                                "cell" + machine,
                                "m" + machine,
                                "p" + random.nextInt(12)),
                        t.plusMillis(random.nextInt(10_000)),
                        Value.of(i)));
            }
            byte[] bytes = codec.encode(samples);
            if (batch % 7 == 3) { // cut inside its path table: nothing of it may stay
                int tableEnd = 1;
                while (!codec.summarizeInto(
                        java.util.Arrays.copyOf(bytes, tableEnd), new SummaryAccumulator(1 << 16, 1 << 20))) {
                    tableEnd++;
                }
                byte[] cut = java.util.Arrays.copyOf(bytes, tableEnd - 1 - random.nextInt(Math.min(tableEnd - 1, 60)));
                int before = into.pathCount();
                assertThat(codec.summarizeInto(cut, into)).isFalse();
                assertThat(into.pathCount()).isEqualTo(before);
            }
            assertThat(codec.summarizeInto(bytes, into)).isTrue();
            all.addAll(samples);
        }

        assertThat(into.sortedPaths(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isEqualTo(summaryOf(all).paths());
        assertThat(into.pathCount()).isEqualTo(summaryOf(all).paths().size());
    }

    @Test
    void a_full_accumulator_keeps_what_fits_and_says_the_count_is_a_lower_bound() {
        var into = new SummaryAccumulator(2, 1 << 20);
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        byte[] three = codec.encode(List.of(
                Sample.good(Samples.tag("a", "x"), t, Value.of(1)),
                Sample.good(Samples.tag("a", "y"), t, Value.of(1)),
                Sample.good(Samples.tag("a", "z"), t, Value.of(1))));

        assertThat(codec.summarizeInto(three, into)).isTrue();

        assertThat(into.pathCount()).isEqualTo(2);
        assertThat(into.saturated()).isTrue();
        into.clear();
        assertThat(into.saturated()).isFalse();
        assertThat(into.pathCount()).isZero();
    }

    @Test
    void a_path_left_out_of_a_full_accumulator_stays_out_when_later_tables_repeat_it() {
        var into = new SummaryAccumulator(3, 1 << 20);
        Instant t = Instant.parse("2026-11-26T09:00:00Z");
        byte[] first = codec.encode(List.of(
                Sample.good(Samples.tag("a", "x"), t, Value.of(1)),
                Sample.good(Samples.tag("a", "y"), t, Value.of(1)),
                Sample.good(Samples.tag("b", "z"), t, Value.of(1)),
                Sample.good(Samples.tag("c", "w"), t, Value.of(1))));
        byte[] second = codec.encode(List.of(
                Sample.good(Samples.tag("c", "w"), t, Value.of(1)),
                Sample.good(Samples.tag("a", "y"), t, Value.of(1)),
                Sample.good(Samples.tag("a", "x"), t, Value.of(1))));

        assertThat(codec.summarizeInto(first, into)).isTrue();
        assertThat(codec.summarizeInto(second, into)).isTrue();
        assertThat(codec.summarizeInto(first, into)).isTrue();

        assertThat(into.pathCount()).isEqualTo(3);
        assertThat(into.saturated()).isTrue();
        assertThat(into.sortedPaths(Integer.MAX_VALUE, 100))
                .isEqualTo(summaryOf(List.of(
                                Sample.good(Samples.tag("a", "x"), t, Value.of(1)),
                                Sample.good(Samples.tag("a", "y"), t, Value.of(1)),
                                Sample.good(Samples.tag("b", "z"), t, Value.of(1))))
                        .paths());
    }

    @Test
    void the_summary_saturates_times_beyond_the_microsecond_range() {
        List<Sample> samples = List.of(
                Sample.good(Samples.tag("a", "min"), Instant.MIN, Value.of(1)),
                Sample.good(Samples.tag("a", "max"), Instant.MAX, Value.of(2)));

        var summary = codec.summarize(codec.encode(samples)).orElseThrow();

        assertThat(summary.minMicros()).isEqualTo(Long.MIN_VALUE);
        assertThat(summary.maxMicros()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void an_empty_batch_is_three_bytes() {
        byte[] bytes = codec.encode(List.of());

        assertThat(bytes).containsExactly(2, 0, 0);
        assertThat(roundTrip(List.of())).isEmpty();
    }

    @Test
    void the_annotated_encoding_of_one_sample() {
        var sample =
                new Sample(Samples.tag("filler", "speed"), Instant.ofEpochSecond(2, 5), Value.of(-3), Quality.STALE);

        String hex = HexFormat.of().formatHex(codec.encode(List.of(sample)));

        assertThat(hex)
                .isEqualTo(String.join(
                        "",
                        "02", // format version 2
                        "01", // 1 sample
                        "01", // 1 path
                        "8092f401", // earliest source time 2,000,000 µs (zigzag 4,000,000)
                        "00", // latest minus earliest: 0 µs
                        "00", // shares 0 segments with the previous path
                        "0461636d65", // "acme"
                        "06706c616e7431", // "plant1"
                        "08626f74746c696e67", // "bottling"
                        "056c696e6531", // "line1"
                        "0563656c6c31", // "cell1"
                        "0666696c6c6572", // "filler"
                        "057370656564", // "speed"
                        "00", // path index 0
                        "04", // seconds +2 (zigzag)
                        "05", // 5 ns
                        "12", // quality STALE (1), kind int (2)
                        "05")); // -3 (zigzag)
    }

    /** The same sample as above in format version 1, as journals written before version 2 hold it. */
    private static final String VERSION_1_SAMPLE = "01" + "01" + "01" + "00" + "0461636d65" + "06706c616e7431"
            + "08626f74746c696e67" + "056c696e6531" + "0563656c6c31" + "0666696c6c6572" + "057370656564" + "00" + "04"
            + "05" + "12" + "05";

    @Test
    void version_1_batches_from_older_journals_still_decode_and_summarize() {
        byte[] bytes = HexFormat.of().parseHex(VERSION_1_SAMPLE);
        var sample =
                new Sample(Samples.tag("filler", "speed"), Instant.ofEpochSecond(2, 5), Value.of(-3), Quality.STALE);

        assertThat(codec.decode(bytes)).isEqualTo(new SampleBatchDecoding.Decoded(List.of(sample)));
        assertThat(codec.summarize(bytes)).hasValue(summaryOf(List.of(sample)));
    }

    @Test
    void a_version_2_summary_reads_the_span_from_the_header_without_walking_the_samples() {
        Instant t = Instant.parse("2026-11-26T15:00:00.000001Z");
        byte[] bytes = codec.encode(List.of(
                Sample.good(Samples.tag("a", "x"), t, Value.of(1)),
                Sample.good(Samples.tag("a", "y"), t.plusSeconds(7), Value.of(2))));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 12); // the samples cut off

        assertThat(codec.decode(cut)).isInstanceOf(SampleBatchDecoding.Malformed.class);
        assertThat(codec.summarize(cut)).hasValue(codec.summarize(bytes).orElseThrow());
        assertThat(codec.summarize(bytes).orElseThrow().maxMicros())
                .isEqualTo(t.plusSeconds(7).getEpochSecond() * 1_000_000 + 1);
    }

    @Test
    void a_version_2_span_past_the_long_range_is_refused_by_the_summary_too() {
        byte[] bytes = HexFormat.of()
                .parseHex("020101" + "02" + "ffffffffffffffffff01" + "00" + "0161".repeat(7) + "00000000");

        assertThat(codec.decode(bytes))
                .isInstanceOfSatisfying(
                        SampleBatchDecoding.Malformed.class,
                        m -> assertThat(m.error()).isEqualTo(SampleBatchError.SPAN_MISMATCH));
        assertThat(codec.summarize(bytes)).isEmpty();
    }

    @Test
    void paths_of_one_line_share_their_leading_segments() {
        var samples = Samples.batch(1, 50);
        int distinctPaths = (int) samples.stream().map(Sample::path).distinct().count();

        byte[] bytes = codec.encode(samples);

        assertThat(bytes.length).isLessThan(50 * 16 + distinctPaths * 16);
        assertThat(roundTrip(samples)).isEqualTo(samples);
    }

    @Test
    void the_encoder_refuses_what_the_decoder_would_refuse() {
        var small = new SampleBatchCodec(new SampleBatchLimits(2, 2, 3));
        var path = Samples.tag("a", "b");

        assertThatThrownBy(() -> small.encode(Collections.nCopies(3, Sample.good(path, Instant.EPOCH, Value.of(1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSamples 2");
        assertThatThrownBy(() -> small.encode(List.of(Sample.good(path, Instant.EPOCH, Value.of("four")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTextBytes 3");
        assertThatThrownBy(() -> codec.encode(List.of(Sample.good(path, Instant.EPOCH, Value.of("\ud800")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "TRUNCATED,               ''",
        "UNSUPPORTED_VERSION,     03 00 00",
        "UNSUPPORTED_VERSION,     00 00 00",
        "TRUNCATED,               01",
        "COUNT_EXCEEDS_LIMIT,     01 7f 00",
        "COUNT_EXCEEDS_LIMIT,     01 ff ff ff ff 0f 00",
        "VARINT_TOO_LONG,         01 ff ff ff ff ff ff ff ff ff ff ff ff",
        "TRAILING_BYTES,          01 00 00 00",
        "BAD_TAG_PATH,            01 01 01 03 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 00",
        "BAD_TAG_PATH,            01 01 01 00 00 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 00",
        "BAD_TAG_PATH,            01 01 01 00 01 2f 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 00",
        "BAD_TAG_PATH,            01 01 01 00 01 2e 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 00",
        "PATH_INDEX_OUT_OF_RANGE, 01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 01 00 00 00",
        "TIME_OUT_OF_RANGE,       01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 80 94 eb dc 03 00",
        "TIME_OUT_OF_RANGE,       01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 fe ff ff ff ff ff ff ff ff 01 00 00",
        "UNKNOWN_VALUE_KIND,      01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 05",
        "UNKNOWN_QUALITY,         01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 40",
        "TRUNCATED,               01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 03 00",
        "TEXT_TOO_LONG,           01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 04 05 61",
        "BAD_UTF8,                01 01 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 04 01 ff",
        // version 2: the span after the counts (here earliest 0 µs, width 0), checked against the samples
        "TRUNCATED,               02 01 01 80 80 80",
        "TRUNCATED,               02 01 01 00 80 80",
        "SPAN_MISMATCH,           02 01 01 02 ff ff ff ff ff ff ff ff ff 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 00",
        "SPAN_MISMATCH,           02 01 01 00 00 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 02 00 00",
        "SPAN_MISMATCH,           02 01 01 00 01 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 00 00 00 00",
        "UNUSED_PATH,             02 02 02 00 00 00 01 61 01 61 01 61 01 61 01 61 01 61 01 61 06 01 62 00 00 00 00 00 00 00 00",
    })
    void malformed_batches_are_values_naming_the_problem(SampleBatchError expected, String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));

        var decoded = codec.decode(bytes);
        // a version 2 summary stops after the path table, so it cannot see what only the samples show
        boolean onlyTheSamplesShow = bytes.length > 20
                && bytes[0] == 2
                && (expected == SampleBatchError.SPAN_MISMATCH || expected == SampleBatchError.UNUSED_PATH);
        if (expected != SampleBatchError.BAD_TAG_PATH && expected != SampleBatchError.BAD_UTF8 && !onlyTheSamplesShow) {
            assertThat(codec.summarize(bytes)).as("the summary refuses it too").isEmpty();
        }

        assertThat(decoded).isInstanceOfSatisfying(SampleBatchDecoding.Malformed.class, m -> {
            assertThat(m.error()).isEqualTo(expected);
            assertThat(m.offset()).isBetween(0, bytes.length);
        });
    }

    @Test
    void a_count_larger_than_the_bytes_could_hold_is_refused_before_allocating() {
        byte[] bytes = HexFormat.of().parseHex("01" + "ffff03" + "00");

        var decoded = codec.decode(bytes);

        assertThat(decoded)
                .isInstanceOfSatisfying(
                        SampleBatchDecoding.Malformed.class,
                        m -> assertThat(m.error()).isEqualTo(SampleBatchError.COUNT_EXCEEDS_LIMIT));
    }

    @Test
    void decoding_leaves_the_callers_buffer_alone() {
        var buf = java.nio.ByteBuffer.wrap(codec.encode(Samples.batch(3, 5)));

        codec.decode(buf);

        assertThat(buf.position()).isZero();
    }

    @Test
    void error_codes_are_stable() {
        assertThat(SampleBatchError.TRUNCATED.code()).isEqualTo(1);
        assertThat(SampleBatchError.TRAILING_BYTES.code()).isEqualTo(12);
    }
}
