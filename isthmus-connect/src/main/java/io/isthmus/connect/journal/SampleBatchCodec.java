package io.isthmus.connect.journal;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.TagPathException;
import io.isthmus.model.Value;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The compact binary form of a batch of {@link Sample}s, the payload of {@link
 * RecordType#SAMPLE_BATCH} records. Format version 2 (version 1 is the same without the time span,
 * and is still decoded: journals written before keep their records):
 *
 * <pre>
 * u8      format version, 2
 * varint  N, samples in the batch (at most maxSamples)
 * varint  P, distinct tag paths (at most min(N, maxPaths)); every one is used by a sample
 * if N > 0, the batch's time span (version 2 only):
 *   zigzag  earliest source time, microseconds since the epoch (saturated at the long range)
 *   varint  latest minus earliest, microseconds (unsigned, modulo 2^64)
 * P x path, sorted by segment:
 *   u8      s, segments shared with the previous path (0 for the first, at most 6)
 *   (7-s) x segment: u8 length 1..64, then that many ASCII bytes [A-Za-z0-9_.-]
 * N x sample, in the caller's order:
 *   varint  index into the path table
 *   zigzag  source time: seconds since the epoch, minus the previous sample's (0 before the first)
 *   varint  nanoseconds of that second (below 10^9)
 *   u8      low nibble value kind: 0 false, 1 true, 2 int, 3 real, 4 text;
 *           high nibble quality: 0 GOOD, 1 STALE, 2 BAD_COMM, 3 BAD_DEVICE
 *   value   int: zigzag varint; real: 8 bytes, IEEE 754 binary64 raw bits, big-endian;
 *           text: varint UTF-8 length (at most maxTextBytes), then the bytes
 * </pre>
 *
 * <p>varint is unsigned LEB128 and zigzag maps signed to unsigned before it, as in Protocol Buffers.
 * ISA-95 paths share their leading segments, so a batch from one line names each equipment once.
 *
 * <p>Why version 2 carries the span: the one-way transfer's manifest names the paths and the time
 * span of every batch it sends, and walking every sample's time for it was about a fifth of the
 * diode sender's CPU. The encoder knows the span anyway, so it is written once, when the poller's
 * batch is journaled; {@link #summarize} then reads the header and the path table and stops. The
 * decoder checks that the span is exactly the samples' and that every path is used, so a batch that
 * decodes summarizes to what its samples say.
 *
 * <p>The decoder checks every count and length against the limits and against the bytes left before
 * it allocates, and reports problems as {@link SampleBatchDecoding.Malformed} values; it throws
 * nothing for any input.
 */
public final class SampleBatchCodec {
    /** The version {@link #encode} writes. */
    public static final int FORMAT_VERSION = 2;
    /** The version before the time span; still decoded. */
    public static final int FORMAT_VERSION_1 = 1;

    static final int DEPTH = 7;
    /** A path spelled "a/b/.../g" at most. */
    static final int MAX_SPELLED_BYTES = DEPTH * (TagPath.MAX_SEGMENT_LENGTH + 1);

    private static final int MIN_SAMPLE_BYTES = 4;
    private static final int MIN_PATH_BYTES = 3;
    private static final long MIN_SECOND = Instant.MIN.getEpochSecond();
    private static final long MAX_SECOND = Instant.MAX.getEpochSecond();
    private static final Comparator<TagPath> PATH_ORDER = Comparator.comparing(TagPath::enterprise)
            .thenComparing(TagPath::site)
            .thenComparing(TagPath::area)
            .thenComparing(TagPath::line)
            .thenComparing(TagPath::cell)
            .thenComparing(TagPath::equipment)
            .thenComparing(TagPath::point);

    private final SampleBatchLimits limits;

    public SampleBatchCodec(SampleBatchLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static SampleBatchCodec withDefaults() {
        return new SampleBatchCodec(SampleBatchLimits.DEFAULTS);
    }

    public SampleBatchLimits limits() {
        return limits;
    }

    /**
     * Encodes a batch.
     *
     * @throws IllegalArgumentException if the batch is beyond the limits or a text value is not
     *     well-formed Unicode (it could not be decoded back)
     */
    public byte[] encode(List<Sample> samples) {
        if (samples.size() > limits.maxSamples()) {
            throw new IllegalArgumentException(
                    "batch of " + samples.size() + " samples exceeds maxSamples " + limits.maxSamples());
        }
        List<TagPath> paths = distinctSorted(samples);
        if (paths.size() > limits.maxPaths()) {
            throw new IllegalArgumentException(
                    "batch names " + paths.size() + " tag paths; maxPaths is " + limits.maxPaths());
        }
        Map<TagPath, Integer> index = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            index.put(paths.get(i), i);
        }
        var out = new ByteSink(16 + samples.size() * 16 + paths.size() * 32);
        out.u8(FORMAT_VERSION);
        out.varint(samples.size());
        out.varint(paths.size());
        if (!samples.isEmpty()) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Sample s : samples) {
                long t = micros(s.sourceTime().getEpochSecond(), s.sourceTime().getNano());
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            out.varint(zigzag(min));
            out.varint(max - min);
        }
        writePaths(out, paths);
        long previousSecond = 0;
        for (Sample s : samples) {
            out.varint(index.get(s.path()));
            out.varint(zigzag(s.sourceTime().getEpochSecond() - previousSecond));
            out.varint(s.sourceTime().getNano());
            writeValue(out, s.value(), qualityCode(s.quality()));
            previousSecond = s.sourceTime().getEpochSecond();
        }
        return out.toByteArray();
    }

    public SampleBatchDecoding decode(byte[] bytes) {
        return decode(ByteBuffer.wrap(bytes));
    }

    /** Decodes the buffer's remaining bytes, which must be exactly one batch. Leaves the buffer alone. */
    public SampleBatchDecoding decode(ByteBuffer bytes) {
        var in = new Input(bytes.slice());
        try {
            return new SampleBatchDecoding.Decoded(readBatch(in));
        } catch (MalformedBatch e) {
            return new SampleBatchDecoding.Malformed(e.error, e.offset, e.getMessage());
        }
    }

    /**
     * What a batch holds, for the one-way transfer's manifest: its distinct tag paths and the
     * earliest and latest source time in microseconds since the epoch (saturated at the long range).
     */
    public record Summary(List<String> paths, long minMicros, long maxMicros) {
        public Summary {
            paths = List.copyOf(paths);
        }
    }

    /**
     * The {@link Summary} of a batch, read without building a {@link Sample} or {@link Value} per
     * sample: the diode sender needs only the paths and the time span of every batch it sends, and
     * full decoding was half of its encoding cost. A version 2 batch is read up to the end of its
     * path table only (the span is in its header); a version 1 batch is walked sample by sample.
     * Equal to what the samples say for every batch that {@link #decode} accepts; empty for a batch
     * malformed in what was read (for version 1: counts, indices, times, value kinds; path segments
     * are checked for length and printable ASCII only). A value, never an exception, for any input.
     */
    public java.util.Optional<Summary> summarize(byte[] bytes) {
        var in = new Input(ByteBuffer.wrap(bytes));
        try {
            return java.util.Optional.of(readSummary(in));
        } catch (MalformedBatch e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Adds the batch's tag paths and time span to {@code into}, whole or not at all, without a String
     * per path (see {@link SummaryAccumulator}): true if it did; false if the batch names no path
     * (no sample) or is malformed in what was read, as for {@link #summarize}, and then {@code into}
     * is as before. A path table equal byte for byte to the one of the batch added before (with the
     * same count) is skipped: its paths are in the set already. Never throws for any input.
     */
    public boolean summarizeInto(byte[] bytes, SummaryAccumulator into) {
        return summarizeInto(bytes, 0, bytes.length, into);
    }

    /**
     * {@link #summarizeInto(byte[], SummaryAccumulator)} of the batch in {@code bytes[offset, offset +
     * length)}, reading nothing outside it: the diode sender's path, which holds many records'
     * payloads back to back in one array ({@link RecordBlock}).
     */
    public boolean summarizeInto(byte[] bytes, int offset, int length, SummaryAccumulator into) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        int end = offset + length;
        if (length > 0 && bytes[offset] == FORMAT_VERSION_1) { // older journals: walked sample by sample anyway
            return addVersion1(java.util.Arrays.copyOfRange(bytes, offset, end), into);
        }
        var in = new Input(ByteBuffer.wrap(bytes, offset, length));
        into.begin();
        try {
            int version = in.u8();
            if (version != FORMAT_VERSION) {
                throw in.error(SampleBatchError.UNSUPPORTED_VERSION, "format version " + version);
            }
            int count = in.count(limits.maxSamples(), in.remaining() / MIN_SAMPLE_BYTES, "samples");
            int pathCount = in.count(Math.min(count, limits.maxPaths()), in.remaining() / MIN_PATH_BYTES, "paths");
            long[] span = readSpan(in, count);
            if (pathCount == 0) {
                into.rollback();
                return false;
            }
            int table = in.position();
            if (into.sameTable(bytes, table, end, pathCount)) {
                in.skip(into.lastTableLength());
            } else {
                int tableEnd = addPathTable(bytes, table, end, pathCount, into);
                if (tableEnd < 0) {
                    into.rollback();
                    return false;
                }
                into.rememberTable(bytes, table, tableEnd - table, pathCount);
            }
            into.commit(span[0], span[1]);
            return true;
        } catch (MalformedBatch e) {
            into.rollback();
            return false;
        }
    }

    private boolean addVersion1(byte[] bytes, SummaryAccumulator into) {
        var summary = summarize(bytes);
        if (summary.isEmpty() || summary.get().paths().isEmpty()) {
            return false;
        }
        into.begin();
        for (String path : summary.get().paths()) {
            byte[] ascii = path.getBytes(StandardCharsets.US_ASCII);
            int h = 1;
            for (byte b : ascii) {
                h = 31 * h + b;
            }
            into.add(ascii, ascii.length, h);
        }
        into.commit(summary.get().minMicros(), summary.get().maxMicros());
        return true;
    }

    private Summary readSummary(Input in) throws MalformedBatch {
        int version = in.u8();
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_1) {
            throw in.error(SampleBatchError.UNSUPPORTED_VERSION, "format version " + version);
        }
        int count = in.count(limits.maxSamples(), in.remaining() / MIN_SAMPLE_BYTES, "samples");
        int pathCount = in.count(Math.min(count, limits.maxPaths()), in.remaining() / MIN_PATH_BYTES, "paths");
        long[] span = version == FORMAT_VERSION ? readSpan(in, count) : null;
        List<String> paths = new ArrayList<>(pathCount);
        readPathTable(
                in,
                pathCount,
                (spelled, length, hash) -> paths.add(new String(spelled, 0, length, StandardCharsets.US_ASCII)));
        if (span != null) {
            return new Summary(paths, span[0], span[1]);
        }
        return walkSummary(in, count, paths);
    }

    /** Receives each path of a table as ASCII "a/b/.../g" in {@code spelled[0..length)}, and its hash. */
    @FunctionalInterface
    private interface PathSink {
        void path(byte[] spelled, int length, int hash);
    }

    /** The version 2 header's span: {earliest, latest} µs, or {MAX, MIN} for an empty batch. */
    private static long[] readSpan(Input in, int count) throws MalformedBatch {
        if (count == 0) {
            return new long[] {Long.MAX_VALUE, Long.MIN_VALUE};
        }
        long min = unzigzag(in.varint64());
        long width = in.varint64(); // unsigned
        if (Long.compareUnsigned(width, Long.MAX_VALUE - min) > 0) {
            throw in.error(
                    SampleBatchError.SPAN_MISMATCH,
                    "a span of " + Long.toUnsignedString(width) + " µs from " + min + " passes the long range");
        }
        return new long[] {min, min + width};
    }

    /**
     * The summary's path table reader: accepts exactly the tables {@link #readPathTable} accepts and
     * adds the same paths with the same hashes, but reads the array directly, and a path whose first
     * six segments it has seen in this transfer batch and whose last segment is at most 8 bytes is
     * found by those two alone (the accumulator's leaf cache: one probe on a number and a word) instead
     * of being spelled, hashed and compared whole. Most paths of a poller's table differ from the one
     * before only in that last segment (the point). Returns the table's end, or -1 if it is malformed.
     */
    private static int addPathTable(byte[] bytes, int at, int limit, int pathCount, SummaryAccumulator into) {
        byte[] spelled = into.spelled;
        int[] ends = into.ends;
        int[] hashes = into.hashes;
        int prefix = -1;
        int p = at;
        for (int i = 0; i < pathCount; i++) {
            if (p >= limit) {
                return -1;
            }
            int shared = bytes[p++] & 0xFF;
            if (shared >= DEPTH || (i == 0 && shared != 0)) {
                return -1;
            }
            if (shared < DEPTH - 1) {
                p = spellPrefix(bytes, p, limit, shared, spelled, ends, hashes);
                if (p < 0) {
                    return -1;
                }
                prefix = into.prefix(spelled, ends[DEPTH - 2], hashes[DEPTH - 2]);
            }
            p = addLastSegment(bytes, p, limit, prefix, spelled, ends[DEPTH - 2], hashes[DEPTH - 2], into);
            if (p < 0) {
                return -1;
            }
        }
        return p;
    }

    /**
     * Spells segments {@code from} to {@code DEPTH - 2} after the {@code from} kept ones, checking each
     * byte; their ends and hashes go to {@code ends} and {@code hashes}. Returns the position after them,
     * or -1.
     */
    private static int spellPrefix(byte[] bytes, int p, int limit, int from, byte[] spelled, int[] ends, int[] hashes) {
        int end = from == 0 ? 0 : ends[from - 1];
        int h = from == 0 ? 1 : hashes[from - 1];
        for (int s = from; s < DEPTH - 1; s++) {
            if (s > 0) {
                spelled[end++] = '/';
                h = 31 * h + '/';
            }
            int length = segmentLength(bytes, p++, limit);
            if (length < 0) {
                return -1;
            }
            long spelt = spell(bytes, p, length, spelled, end, h);
            if (spelt == NOT_PRINTABLE) {
                return -1;
            }
            h = (int) spelt;
            p += length;
            end += length;
            ends[s] = end;
            hashes[s] = h;
        }
        return p;
    }

    /** What {@link #spell} returns for a segment with a byte outside 0x21..0x7E (no int hash equals it). */
    private static final long NOT_PRINTABLE = Long.MIN_VALUE;

    /**
     * The length octet of the segment at {@code p}: 1 to {@link TagPath#MAX_SEGMENT_LENGTH} with that
     * many bytes after it before {@code limit}, else -1.
     */
    private static int segmentLength(byte[] bytes, int p, int limit) {
        if (p >= limit) {
            return -1;
        }
        int length = bytes[p] & 0xFF;
        return length < 1 || length > TagPath.MAX_SEGMENT_LENGTH || limit - p - 1 < length ? -1 : length;
    }

    /**
     * Copies the {@code length} segment bytes at {@code p} to {@code spelled} at {@code end}, each
     * folded into the hash {@code h}: the hash, or {@link #NOT_PRINTABLE} if a byte is not 0x21..0x7E.
     */
    private static long spell(byte[] bytes, int p, int length, byte[] spelled, int end, int h) {
        for (int k = 0; k < length; k++) {
            byte b = bytes[p + k];
            if (b < 0x21 || b > 0x7E) {
                return NOT_PRINTABLE;
            }
            spelled[end + k] = b;
            h = 31 * h + b;
        }
        return h;
    }

    /**
     * Reads a path's last segment and adds the path: through the leaf cache when the prefix has a
     * number and the segment fits a word, else spelled after the prefix. Returns the position after
     * the segment, or -1 if it is malformed.
     */
    private static int addLastSegment(
            byte[] bytes,
            int p,
            int limit,
            int prefix,
            byte[] spelled,
            int prefixEnd,
            int prefixHash,
            SummaryAccumulator into) {
        int length = segmentLength(bytes, p++, limit);
        if (length < 0) {
            return -1;
        }
        boolean cached = prefix >= 0 && length <= Long.BYTES;
        long word = 0;
        if (cached) {
            word = SegmentWord.read(bytes, p, length);
            if (!SegmentWord.printable(word, length)) {
                return -1;
            }
            if (into.leaf(prefix, length, word) >= 0) {
                return p + length;
            }
        }
        int end = prefixEnd;
        spelled[end++] = '/';
        long h = spell(bytes, p, length, spelled, end, 31 * prefixHash + '/');
        if (h == NOT_PRINTABLE) {
            return -1;
        }
        int path = into.add(spelled, end + length, (int) h);
        if (cached && path >= 0) {
            into.cacheLeaf(prefix, length, word, path);
        }
        return p + length;
    }

    /**
     * Reads a path table, handing each path to {@code sink} spelled out with its {@code 31 * h + b}
     * hash; the hash of the shared leading segments is kept from the path before, so only the new
     * segments are hashed.
     */
    private static void readPathTable(Input in, int pathCount, PathSink sink) throws MalformedBatch {
        // the current path as ASCII "a/b/c/...", where each of its segments ends, and the hash up to there
        byte[] spelled = new byte[DEPTH * (TagPath.MAX_SEGMENT_LENGTH + 1)];
        int[] ends = new int[DEPTH];
        int[] hashes = new int[DEPTH];
        for (int i = 0; i < pathCount; i++) {
            int shared = in.u8();
            if (shared >= DEPTH || (i == 0 && shared != 0)) {
                throw in.error(SampleBatchError.BAD_TAG_PATH, "path " + i + " shares " + shared + " segments");
            }
            for (int s = shared; s < DEPTH; s++) {
                int at = 0;
                int h = 1;
                if (s > 0) {
                    at = ends[s - 1];
                    h = hashes[s - 1];
                    spelled[at++] = '/';
                }
                int end = in.segmentInto(spelled, at);
                for (int b = at - (s > 0 ? 1 : 0); b < end; b++) {
                    h = 31 * h + spelled[b];
                }
                ends[s] = end;
                hashes[s] = h;
            }
            sink.path(spelled, ends[DEPTH - 1], hashes[DEPTH - 1]);
        }
    }

    private Summary walkSummary(Input in, int count, List<String> paths) throws MalformedBatch {
        int pathCount = paths.size();
        boolean[] used = new boolean[pathCount];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long second = 0;
        for (int i = 0; i < count; i++) {
            int pathIndex = in.varint32();
            if (pathIndex >= pathCount) {
                throw in.error(SampleBatchError.PATH_INDEX_OUT_OF_RANGE, "path index " + pathIndex);
            }
            used[pathIndex] = true;
            second = readSecond(in, second);
            int nanos = in.varint32();
            if (nanos >= 1_000_000_000) {
                throw in.error(SampleBatchError.TIME_OUT_OF_RANGE, "nanoseconds " + nanos);
            }
            long micros = micros(second, nanos);
            min = Math.min(min, micros);
            max = Math.max(max, micros);
            int tag = in.u8();
            quality(in, tag >>> 4);
            skipValue(in, tag & 0x0F);
        }
        if (in.remaining() > 0) {
            throw in.error(SampleBatchError.TRAILING_BYTES, in.remaining() + " bytes after the last sample");
        }
        List<String> out = new ArrayList<>(pathCount);
        for (int i = 0; i < pathCount; i++) {
            if (used[i]) {
                out.add(paths.get(i));
            }
        }
        return new Summary(out, min, max);
    }

    private static long micros(long second, int nanos) {
        try {
            return Math.addExact(Math.multiplyExact(second, 1_000_000L), nanos / 1000);
        } catch (ArithmeticException e) {
            return second < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private void skipValue(Input in, int kind) throws MalformedBatch {
        switch (kind) {
            case 0, 1 -> {}
            case 2 -> in.varint64();
            case 3 -> in.i64();
            case 4 -> {
                int length = in.varint32();
                if (length > limits.maxTextBytes() || length > in.remaining()) {
                    throw in.error(SampleBatchError.TEXT_TOO_LONG, length + " bytes; limit " + limits.maxTextBytes());
                }
                in.skip(length);
            }
            default -> throw in.error(SampleBatchError.UNKNOWN_VALUE_KIND, "value kind " + kind);
        }
    }

    private List<Sample> readBatch(Input in) throws MalformedBatch {
        int version = in.u8();
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_1) {
            throw in.error(SampleBatchError.UNSUPPORTED_VERSION, "format version " + version);
        }
        int count = in.count(limits.maxSamples(), in.remaining() / MIN_SAMPLE_BYTES, "samples");
        int pathCount = in.count(Math.min(count, limits.maxPaths()), in.remaining() / MIN_PATH_BYTES, "paths");
        int spanAt = in.position();
        long[] span = version == FORMAT_VERSION ? readSpan(in, count) : null;
        TagPath[] paths = readPaths(in, pathCount);
        List<Sample> samples = new ArrayList<>(count);
        boolean[] used = new boolean[pathCount];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long second = 0;
        for (int i = 0; i < count; i++) {
            int pathIndex = in.varint32();
            if (pathIndex >= pathCount) {
                throw in.error(
                        SampleBatchError.PATH_INDEX_OUT_OF_RANGE, "path index " + pathIndex + " of " + pathCount);
            }
            second = readSecond(in, second);
            int nanos = in.varint32();
            if (nanos >= 1_000_000_000) {
                throw in.error(SampleBatchError.TIME_OUT_OF_RANGE, "nanoseconds " + nanos);
            }
            int tag = in.u8();
            Quality quality = quality(in, tag >>> 4);
            Value value = readValue(in, tag & 0x0F);
            samples.add(new Sample(paths[pathIndex], Instant.ofEpochSecond(second, nanos), value, quality));
            used[pathIndex] = true;
            long micros = micros(second, nanos);
            min = Math.min(min, micros);
            max = Math.max(max, micros);
        }
        if (in.remaining() > 0) {
            throw in.error(SampleBatchError.TRAILING_BYTES, in.remaining() + " bytes after the last sample");
        }
        if (span != null) {
            checkVersion2(used, span, min, max, spanAt);
        }
        return samples;
    }

    /** Version 2 promises a span equal to the samples' and no unused path; a summary relies on both. */
    private static void checkVersion2(boolean[] used, long[] span, long min, long max, int spanAt)
            throws MalformedBatch {
        if (span[0] != min || span[1] != max) {
            throw new MalformedBatch(
                    SampleBatchError.SPAN_MISMATCH,
                    spanAt,
                    "the header's span " + span[0] + ".." + span[1] + " µs is not the samples' " + min + ".." + max);
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                throw new MalformedBatch(SampleBatchError.UNUSED_PATH, spanAt, "no sample names path " + i);
            }
        }
    }

    private static long readSecond(Input in, long previous) throws MalformedBatch {
        long delta = unzigzag(in.varint64());
        long second = previous + delta;
        boolean overflow = ((previous ^ second) & (delta ^ second)) < 0;
        if (overflow || second < MIN_SECOND || second > MAX_SECOND) {
            throw in.error(SampleBatchError.TIME_OUT_OF_RANGE, "epoch second " + previous + " + " + delta);
        }
        return second;
    }

    private static TagPath[] readPaths(Input in, int pathCount) throws MalformedBatch {
        TagPath[] paths = new TagPath[pathCount];
        String[] segments = new String[DEPTH];
        for (int i = 0; i < pathCount; i++) {
            int start = in.position();
            int shared = in.u8();
            if (shared >= DEPTH || (i == 0 && shared != 0)) {
                throw in.error(SampleBatchError.BAD_TAG_PATH, "path " + i + " shares " + shared + " segments");
            }
            for (int s = shared; s < DEPTH; s++) {
                segments[s] = in.segment();
            }
            try {
                paths[i] = new TagPath(
                        segments[0], segments[1], segments[2], segments[3], segments[4], segments[5], segments[6]);
            } catch (TagPathException e) {
                throw new MalformedBatch(SampleBatchError.BAD_TAG_PATH, start, e.getMessage());
            }
        }
        return paths;
    }

    private Value readValue(Input in, int kind) throws MalformedBatch {
        return switch (kind) {
            case 0 -> Value.of(false);
            case 1 -> Value.of(true);
            case 2 -> Value.of(unzigzag(in.varint64()));
            case 3 -> Value.of(Double.longBitsToDouble(in.i64()));
            case 4 -> Value.of(in.utf8(limits.maxTextBytes()));
            default -> throw in.error(SampleBatchError.UNKNOWN_VALUE_KIND, "value kind " + kind);
        };
    }

    private static Quality quality(Input in, int code) throws MalformedBatch {
        return switch (code) {
            case 0 -> Quality.GOOD;
            case 1 -> Quality.STALE;
            case 2 -> Quality.BAD_COMM;
            case 3 -> Quality.BAD_DEVICE;
            default -> throw in.error(SampleBatchError.UNKNOWN_QUALITY, "quality code " + code);
        };
    }

    private static int qualityCode(Quality quality) {
        return switch (quality) {
            case GOOD -> 0;
            case STALE -> 1;
            case BAD_COMM -> 2;
            case BAD_DEVICE -> 3;
        };
    }

    private void writeValue(ByteSink out, Value value, int quality) {
        int q = quality << 4;
        switch (value) {
            case Value.Bool b -> out.u8(q | (b.value() ? 1 : 0));
            case Value.Int i -> {
                out.u8(q | 2);
                out.varint(zigzag(i.value()));
            }
            case Value.Real r -> {
                out.u8(q | 3);
                out.i64(Double.doubleToRawLongBits(r.value()));
            }
            case Value.Text t -> {
                byte[] utf8 = strictUtf8(t.value());
                if (utf8.length > limits.maxTextBytes()) {
                    throw new IllegalArgumentException("text value of " + utf8.length
                            + " UTF-8 bytes exceeds maxTextBytes " + limits.maxTextBytes());
                }
                out.u8(q | 4);
                out.varint(utf8.length);
                out.bytes(utf8);
            }
        }
    }

    private static void writePaths(ByteSink out, List<TagPath> paths) {
        List<String> previous = List.of();
        for (TagPath path : paths) {
            List<String> segments = path.segments();
            int shared = 0;
            while (shared < DEPTH - 1
                    && !previous.isEmpty()
                    && segments.get(shared).equals(previous.get(shared))) {
                shared++;
            }
            out.u8(shared);
            for (int s = shared; s < DEPTH; s++) {
                byte[] ascii = segments.get(s).getBytes(StandardCharsets.US_ASCII);
                out.u8(ascii.length);
                out.bytes(ascii);
            }
            previous = segments;
        }
    }

    private static List<TagPath> distinctSorted(List<Sample> samples) {
        return samples.stream().map(Sample::path).distinct().sorted(PATH_ORDER).toList();
    }

    private static byte[] strictUtf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text value is not well-formed Unicode (unpaired surrogate)", e);
        }
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A problem at an offset; stackless, it never leaves this class. */
    private static final class MalformedBatch extends Exception {
        private static final long serialVersionUID = 1L;
        final SampleBatchError error;
        final int offset;

        MalformedBatch(SampleBatchError error, int offset, String detail) {
            super(detail, null, false, false);
            this.error = error;
            this.offset = offset;
        }
    }

    /** Bounded reads over the batch bytes. */
    private static final class Input {
        private final ByteBuffer buf;

        Input(ByteBuffer buf) {
            this.buf = buf;
        }

        int position() {
            return buf.position();
        }

        int remaining() {
            return buf.remaining();
        }

        MalformedBatch error(SampleBatchError error, String detail) {
            return new MalformedBatch(error, buf.position(), detail);
        }

        private void need(int n) throws MalformedBatch {
            if (buf.remaining() < n) {
                throw error(SampleBatchError.TRUNCATED, "needs " + n + " bytes, " + buf.remaining() + " left");
            }
        }

        int u8() throws MalformedBatch {
            need(1);
            return Byte.toUnsignedInt(buf.get());
        }

        long i64() throws MalformedBatch {
            need(8);
            return buf.getLong();
        }

        void skip(int n) throws MalformedBatch {
            need(n);
            buf.position(buf.position() + n);
        }

        long varint64() throws MalformedBatch {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw error(SampleBatchError.VARINT_TOO_LONG, "varint longer than 10 bytes");
        }

        int varint32() throws MalformedBatch {
            long value = varint64();
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw error(SampleBatchError.COUNT_EXCEEDS_LIMIT, "value " + Long.toUnsignedString(value));
            }
            return (int) value;
        }

        /** A count, bounded by the limit and by what the remaining bytes could hold. */
        int count(int limit, int fitting, String what) throws MalformedBatch {
            int n = varint32();
            if (n > limit || n > fitting) {
                throw error(
                        SampleBatchError.COUNT_EXCEEDS_LIMIT,
                        n + " " + what + "; limit " + limit + ", the remaining bytes fit " + fitting);
            }
            return n;
        }

        /** Reads one segment's bytes into {@code out} at {@code at}, checked as {@link #segment()} does; returns the end. */
        int segmentInto(byte[] out, int at) throws MalformedBatch {
            int length = u8();
            if (length < 1 || length > TagPath.MAX_SEGMENT_LENGTH) {
                throw error(SampleBatchError.BAD_TAG_PATH, "segment length " + length);
            }
            need(length);
            buf.get(out, at, length);
            for (int i = at; i < at + length; i++) {
                byte b = out[i];
                if (b < 0x21 || b > 0x7E) {
                    throw error(SampleBatchError.BAD_TAG_PATH, "segment byte 0x" + Integer.toHexString(b & 0xFF));
                }
            }
            return at + length;
        }

        String segment() throws MalformedBatch {
            int length = u8();
            if (length < 1 || length > TagPath.MAX_SEGMENT_LENGTH) {
                throw error(SampleBatchError.BAD_TAG_PATH, "segment length " + length);
            }
            need(length);
            byte[] ascii = new byte[length];
            buf.get(ascii);
            for (byte b : ascii) {
                if (b < 0x21 || b > 0x7E) {
                    throw error(SampleBatchError.BAD_TAG_PATH, "segment byte 0x" + Integer.toHexString(b & 0xFF));
                }
            }
            return new String(ascii, StandardCharsets.US_ASCII);
        }

        String utf8(int maxBytes) throws MalformedBatch {
            int length = varint32();
            if (length > maxBytes || length > buf.remaining()) {
                throw error(SampleBatchError.TEXT_TOO_LONG, length + " bytes; limit " + maxBytes);
            }
            ByteBuffer slice = buf.slice(buf.position(), length);
            try {
                String text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(slice)
                        .toString();
                buf.position(buf.position() + length);
                return text;
            } catch (CharacterCodingException e) {
                throw error(SampleBatchError.BAD_UTF8, e.getMessage());
            }
        }
    }

    /** A growable byte array for the encoder. */
    private static final class ByteSink {
        private byte[] bytes;
        private int size;

        ByteSink(int capacity) {
            bytes = new byte[capacity];
        }

        private void ensure(int n) {
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }

        void u8(int v) {
            ensure(1);
            bytes[size++] = (byte) v;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void i64(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }
}
