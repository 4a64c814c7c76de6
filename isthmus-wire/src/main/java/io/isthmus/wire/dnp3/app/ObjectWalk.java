package io.isthmus.wire.dnp3.app;

import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.ValueText;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * One walk over the object headers of a fragment (IEEE 1815-2012 clause 4, object headers).
 * Every count and size read from the wire is checked against the octets left and the limits
 * before it moves the cursor; arithmetic is in {@code long}, so 2^32-point ranges cannot overflow.
 */
final class ObjectWalk {
    private final int maxHeaders;
    private final long maxPoints;
    /**
     * The headers read so far, {@link #headerCount} of them: an array made on the first header
     * with room for four (most fragments have one to four), grown by doubling, reused by the next
     * walk. No list object around it: a walk is made per dissector, and a capture has many short
     * flows.
     */
    private ObjectHeader[] headers = NO_HEADERS;

    private int headerCount;
    /**
     * The problem that stopped the walk, null while none did: a walk stops at its first problem,
     * so it has one at most (no list for it).
     */
    private AppProblem problem;

    private byte[] bytes;
    private FunctionCode function;
    private int pos;
    private int headerStart;

    /**
     * One walk per parser, {@link #run run} once per fragment (one thread at a time, as its
     * parser's dissector): its header array is emptied and filled again, and the fragment copies it.
     */
    ObjectWalk(int maxHeaders, long maxPoints) {
        this.maxHeaders = maxHeaders;
        this.maxPoints = maxPoints;
    }

    /** Walks the object headers of {@code bytes} from {@code start}; then {@link #headers} and {@link #problem} hold them until the next run. */
    void run(byte[] bytes, int start, FunctionCode function) {
        this.bytes = bytes;
        this.pos = start;
        this.headerStart = 0;
        this.function = function;
        forgetHeaders();
        problem = null;
        run();
    }

    /** Forgets the last fragment (its octets, headers and problem). */
    void clear() {
        bytes = NOTHING;
        forgetHeaders();
        problem = null;
    }

    private static final byte[] NOTHING = {};
    private static final ObjectHeader[] NO_HEADERS = {};

    private void forgetHeaders() {
        Arrays.fill(headers, 0, headerCount, null);
        headerCount = 0;
    }

    private void add(ObjectHeader header) {
        if (headerCount == headers.length) {
            headers = Arrays.copyOf(headers, headerCount == 0 ? 4 : 2 * headerCount);
        }
        headers[headerCount++] = header;
    }

    private void run() {
        while (pos < bytes.length) {
            if (headerCount >= maxHeaders) {
                stop(AppError.TOO_MANY_HEADERS, "more than " + maxHeaders + " object headers");
                return;
            }
            if (!header()) {
                return;
            }
        }
    }

    /**
     * The headers of the last run as an immutable list, which {@link AppFragment} keeps as it is:
     * up to two (most fragments' headers) a {@code List.of} of them, more a copy of the array's
     * filled part.
     */
    List<ObjectHeader> headers() {
        return switch (headerCount) {
            case 0 -> List.of();
            case 1 -> List.of(headers[0]);
            case 2 -> List.of(headers[0], headers[1]);
            default -> List.of(Arrays.copyOf(headers, headerCount));
        };
    }

    /** The problem that stopped the walk, null when it read every header. */
    AppProblem problem() {
        return problem;
    }

    /** Reads one header and steps over its objects; false when the walk must stop. */
    private boolean header() {
        headerStart = pos;
        if (left() < 3) {
            return stop(AppError.HEADER_TRUNCATED, left() + " octet(s) left where an object header starts");
        }
        int group = u8(pos);
        int variation = u8(pos + 1);
        int qualifier = u8(pos + 2);
        pos += 3;
        PrefixCode prefix = PrefixCode.of(qualifier >> 4 & 0x07);
        RangeCode rangeCode = RangeCode.of(qualifier & 0x0F);
        if (!valid(qualifier, prefix, rangeCode)) {
            return stop(
                    AppError.QUALIFIER_INVALID,
                    "g" + group + "v" + variation + " qualifier 0x" + QUALIFIER_HEX[qualifier]
                            + " is reserved or not allowed");
        }
        int rangeOctets = rangeCode.isStartStop() ? 2 * rangeCode.octets() : rangeCode.octets();
        if (left() < rangeOctets) {
            return stop(
                    AppError.HEADER_TRUNCATED,
                    "g" + group + "v" + variation + " range field needs " + rangeOctets + " octet(s), " + left()
                            + " left");
        }
        return range(group, variation, qualifier, prefix, rangeCode);
    }

    /** {@link Integer#toHexString} of each qualifier octet, made once: fuzzed traffic has many bad ones. */
    private static final String[] QUALIFIER_HEX = new String[256];

    static {
        for (int q = 0; q < QUALIFIER_HEX.length; q++) {
            QUALIFIER_HEX[q] = Integer.toHexString(q);
        }
    }

    private static boolean valid(int qualifier, PrefixCode prefix, RangeCode rangeCode) {
        return (qualifier & 0x80) == 0
                && prefix != PrefixCode.UNKNOWN
                && rangeCode != RangeCode.UNKNOWN
                && !(rangeCode == RangeCode.ALL && prefix != PrefixCode.NONE);
    }

    /**
     * Reads the range field and steps over the header's objects. The count is taken where the
     * range is read (what {@link ObjectRange#count()} gives), and the prefix is the one {@link
     * #header} read: no interface call or table lookup again per header.
     */
    private boolean range(int group, int variation, int qualifier, PrefixCode prefix, RangeCode rangeCode) {
        ObjectRange range;
        long count;
        OptionalLong first = OptionalLong.empty();
        if (rangeCode.isStartStop()) {
            long start = read(rangeCode.octets());
            long stop = read(rangeCode.octets());
            if (stop < start) {
                return stop(AppError.RANGE_INVERTED, "g" + group + "v" + variation + " range " + start + ".." + stop);
            }
            range = new ObjectRange.StartStop(start, stop);
            count = stop - start + 1;
            first = MessageSummary.number(start);
        } else if (rangeCode.isCount()) {
            count = read(rangeCode.octets());
            range = ObjectRange.Count.of(count);
        } else {
            count = 0;
            range = ObjectRange.All.ALL;
        }
        if (count > maxPoints) {
            ObjectHeader header = new ObjectHeader(group, variation, qualifier, range, first);
            add(header);
            ValueText d = described(header);
            d.text(" names ");
            d.decimal(count);
            d.text(" points, more than the limit ");
            d.decimal(maxPoints);
            return stop(AppError.RANGE_TOO_LARGE, d.toString());
        }
        if (rangeCode.isCount() && count > 0 && prefix.isIndex() && left() >= prefix.octets()) {
            first = MessageSummary.number(peek(prefix.octets())); // the first index prefix
        }
        return objects(new ObjectHeader(group, variation, qualifier, range, first), count, prefix);
    }

    /** Steps over the {@code count} objects of {@code header}, whose prefix is {@code prefix}. */
    private boolean objects(ObjectHeader header, long count, PrefixCode prefix) {
        add(header);
        if (count == 0) {
            return true;
        }
        if (prefix.isSize()) {
            return sized(header, count);
        }
        return switch (format(header)) {
            case ObjectFormat.Fixed f -> skip(header, count, prefix.octets() + f.octets());
            case ObjectFormat.Empty e -> skip(header, count, prefix.octets());
            case ObjectFormat.Packed p -> packed(header, count, p.bits());
            case ObjectFormat.DeviceAttribute d -> attributes(header, count);
            case ObjectFormat.Unknown u -> {
                ValueText d = described(header);
                d.text(": object size unknown, remaining ");
                d.decimal(left());
                d.text(" octet(s) not read");
                yield stop(AppError.OBJECT_SIZE_UNKNOWN, d.toString());
            }
        };
    }

    /** Requests such as read name points without data, except the time object of freeze-at-time. */
    private ObjectFormat format(ObjectHeader header) {
        boolean freezeTime = header.group() == 50
                && (function == FunctionCode.FREEZE_AT_TIME || function == FunctionCode.FREEZE_AT_TIME_NR);
        return function.headersOnly() && !freezeTime
                ? ObjectFormats.EMPTY
                : ObjectFormats.of(header.group(), header.variation());
    }

    private boolean skip(ObjectHeader header, long count, int octetsEach) {
        long need = count * octetsEach;
        if (need > left()) {
            ValueText d = described(header);
            d.text(" needs ");
            d.decimal(count);
            d.text(" x ");
            d.decimal(octetsEach);
            d.text(" = ");
            d.decimal(need);
            d.text(" octets, ");
            d.decimal(left());
            d.text(" left");
            return stop(AppError.OBJECTS_TRUNCATED, d.toString());
        }
        pos += (int) need;
        return true;
    }

    private boolean packed(ObjectHeader header, long count, int bits) {
        if (header.prefix() != PrefixCode.NONE) {
            return stop(AppError.QUALIFIER_INVALID, header.describe() + ": packed objects cannot have prefixes");
        }
        return skip(header, (count * bits + 7) / 8, 1);
    }

    private boolean sized(ObjectHeader header, long count) {
        int prefixOctets = header.prefix().octets();
        for (long i = 0; i < count; i++) {
            if (left() < prefixOctets) {
                return truncated(header, i, count);
            }
            long size = read(prefixOctets);
            if (size > left()) {
                return truncated(header, i, count);
            }
            pos += (int) size;
        }
        return true;
    }

    /** Group 0 device attributes: index prefix (if any), data type, length, value. */
    private boolean attributes(ObjectHeader header, long count) {
        int prefixOctets = header.prefix().octets();
        for (long i = 0; i < count; i++) {
            if (left() < prefixOctets + 2) {
                return truncated(header, i, count);
            }
            int length = u8(pos + prefixOctets + 1);
            if (left() < prefixOctets + 2 + length) {
                return truncated(header, i, count);
            }
            pos += prefixOctets + 2 + length;
        }
        return true;
    }

    private boolean truncated(ObjectHeader header, long index, long count) {
        ValueText d = described(header);
        d.text(": object ");
        d.decimal(index);
        d.text(" of ");
        d.decimal(count);
        d.text(" runs past the end of the fragment");
        return stop(AppError.OBJECTS_TRUNCATED, d.toString());
    }

    /**
     * A problem's text so far: {@link ObjectHeader#describe()}'s, in a builder that the caller
     * completes, so the problems of damaged fragments (a good share of a capture's DNP3) make one
     * string, not one for the description and another for the whole.
     */
    private static ValueText described(ObjectHeader header) {
        ValueText text = new ValueText(96);
        header.describeTo(text);
        return text;
    }

    private boolean stop(AppError error, String detail) {
        problem = new AppProblem(error, detail, headerStart);
        return false;
    }

    private int left() {
        return bytes.length - pos;
    }

    private int u8(int index) {
        return bytes[index] & 0xFF;
    }

    private long read(int octets) {
        long value = peek(octets);
        pos += octets;
        return value;
    }

    /** A little-endian unsigned value of 1, 2 or 4 octets at the cursor. */
    private long peek(int octets) {
        long value = 0;
        for (int i = octets - 1; i >= 0; i--) {
            value = value << 8 | u8(pos + i);
        }
        return value;
    }
}
