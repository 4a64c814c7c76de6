package io.isthmus.wire.enip.cip;

import io.isthmus.wire.Octets;
import io.isthmus.wire.PrintableText;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Decodes a padded EPATH (CIP Volume 1 appendix C-1): port, logical (8-, 16- and 32-bit, with a
 * pad octet before the wider forms), network, symbolic and data segments. Every segment's length
 * is checked against the path before it is read, and the number of segments is bounded.
 */
public final class EPathDecoder {

    private static final int TYPE_PORT = 0;
    private static final int TYPE_LOGICAL = 1;
    private static final int TYPE_NETWORK = 2;
    private static final int TYPE_SYMBOLIC = 3;
    private static final int TYPE_DATA = 4;
    private static final int SIMPLE_DATA = 0x80;
    private static final int ANSI_EXTENDED_SYMBOL = 0x91;
    private static final int ELECTRONIC_KEY_LENGTH = 10;

    private EPathDecoder() {}

    /**
     * Decodes the path in {@code [at, at + length)} of {@code b} (a dissector's array, {@link
     * Octets}; little-endian fields); nothing outside that range is read.
     */
    public static EPathDecode decode(byte[] b, int at, int length, int maxSegments) {
        if (length <= 0 || length > SHARED_MAX_OCTETS) {
            return length > SHARED_MAX_OCTETS && length <= LONG_SHARED_MAX_OCTETS
                    ? decodeLong(b, at, length, maxSegments)
                    : decodeNew(b, at, length, maxSegments);
        }
        long key = pack(b, at, length);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - SHARED_SLOT_BITS)) ^ length;
        Shared hit = SHARED[slot];
        if (hit != null && hit.key == key && hit.length == length && hit.segments <= maxSegments) {
            return hit.decoded;
        }
        EPathDecode fresh = decodeNew(b, at, length, maxSegments);
        if (fresh instanceof EPathDecode.Decoded d) {
            d.path().markShared();
            SHARED[slot] = new Shared(key, length, d.path().segments().size(), d);
        }
        return fresh;
    }

    /**
     * Paths of at most this many octets are kept decoded, by their octets: class/instance(/attribute)
     * paths of 8-bit ids (4 and 6 octets) are nearly every path on a plant's network, and the same
     * few recur in every request. 8 octets fit one {@code long} key, so a lookup is one compare.
     */
    private static final int SHARED_MAX_OCTETS = 8;

    private static final int SHARED_SLOT_BITS = 10;

    /**
     * The kept paths, direct mapped ({@code 2^SHARED_SLOT_BITS} slots; a new path replaces the one
     * in its slot, so hostile traffic can only make it miss, never grow it). A valid decode depends
     * only on the octets and, through the segment limit, on the caller: an entry is used only when
     * its segment count is within the caller's limit. Entries are immutable records, so threads
     * racing on a slot see a whole entry or another one; a miss decodes as before.
     */
    private static final Shared[] SHARED = new Shared[1 << SHARED_SLOT_BITS];

    private record Shared(long key, int length, int segments, EPathDecode.Decoded decoded) {}

    /**
     * Longer paths up to this many octets are kept decoded too, with a copy of their octets to
     * compare: symbolic tag paths (a tag name of 10 to 40 characters) and routed paths, which a
     * plant's HMI polls again and again. Decoding one made its segment array, segments, name
     * string, joiner and path every time (about 3 % of the dissect core's allocation).
     */
    private static final int LONG_SHARED_MAX_OCTETS = 64;

    private static final int LONG_SHARED_SLOT_BITS = 8;

    /** The kept longer paths, direct mapped as {@link #SHARED} is (a new path replaces the one in its slot). */
    private static final LongShared[] LONG_SHARED = new LongShared[1 << LONG_SHARED_SLOT_BITS];

    /**
     * A kept longer path: its octets (a private copy, never changed: the final field publishes them
     * with the entry) and its decode.
     */
    private record LongShared(byte[] octets, int segments, EPathDecode.Decoded decoded) {}

    private static EPathDecode decodeLong(byte[] b, int at, int length, int maxSegments) {
        int slot = longSlot(b, at, length);
        LongShared hit = LONG_SHARED[slot];
        if (hit != null
                && hit.octets.length == length
                && hit.segments <= maxSegments
                && Arrays.equals(hit.octets, 0, length, b, at, at + length)) {
            return hit.decoded;
        }
        EPathDecode fresh = decodeNew(b, at, length, maxSegments);
        if (fresh instanceof EPathDecode.Decoded d) {
            d.path().markShared();
            LONG_SHARED[slot] = new LongShared(
                    Arrays.copyOfRange(b, at, at + length), d.path().segments().size(), d);
        }
        return fresh;
    }

    /** The slot of the longer path in {@code [at, at + length)}: a hash of its octets, 32 bits at a time. */
    private static int longSlot(byte[] b, int at, int length) {
        int h = length;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            h = (h + (int) Octets.u32le(b, at + i)) * 0x9E3779B1;
        }
        for (; i < length; i++) {
            h = (h + b[at + i]) * 0x9E3779B1;
        }
        return h >>> (32 - LONG_SHARED_SLOT_BITS);
    }

    /**
     * Up to 8 octets as one number, least significant first (the length is compared apart: high
     * zeros differ). The even lengths of every whole path are read in 16- and 32-bit steps, not
     * octet by octet.
     */
    private static long pack(byte[] b, int at, int length) {
        switch (length) {
            case 2:
                return Octets.u16le(b, at);
            case 4:
                return Octets.u32le(b, at);
            case 6:
                return Octets.u32le(b, at) | (long) Octets.u16le(b, at + 4) << 32;
            case 8:
                return Octets.u32le(b, at) | Octets.u32le(b, at + 4) << 32;
            default:
                break;
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static EPathDecode decodeNew(byte[] b, int at, int length, int maxSegments) {
        // Every segment is at least two octets: an array that fits them all, no list to grow and
        // copy (this runs once per CIP request, under C1 in analyze).
        PathSegment[] segments = new PathSegment[Math.max(0, Math.min(maxSegments, (length + 1) / 2))];
        int n = 0;
        int p = at;
        int end = at + length;
        while (p < end) {
            if (n >= maxSegments) {
                return invalid(CipError.PATH_TOO_MANY_SEGMENTS, p, n + 1, segments, n);
            }
            int size = segmentLength(b, p, end);
            if (size <= 0 || p + size > end) {
                return invalid(CipError.PATH_SEGMENT_INVALID, p, b[p] & 0xFF, segments, n);
            }
            segments[n++] = segment(b, p, size);
            p += size;
        }
        return new EPathDecode.Decoded(new EPath(list(segments, n)));
    }

    private static EPathDecode invalid(CipError error, int offset, int value, PathSegment[] segments, int n) {
        return new EPathDecode.Invalid(error, offset, value, new EPath(list(segments, n)));
    }

    /** The first {@code n} segments as an unmodifiable list ({@link EPath} keeps it without a copy). */
    private static List<PathSegment> list(PathSegment[] s, int n) {
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(s[0]);
            case 2 -> List.of(s[0], s[1]);
            case 3 -> List.of(s[0], s[1], s[2]);
            default -> List.of(n == s.length ? s : Arrays.copyOf(s, n));
        };
    }

    /** Octets of the segment at {@code p} including padding, or 0 when it cannot be sized. */
    private static int segmentLength(byte[] b, int p, int end) {
        int s = b[p] & 0xFF;
        int available = end - p;
        return switch (s >> 5) {
            case TYPE_PORT -> portLength(b, p, available);
            case TYPE_LOGICAL -> logicalLength(s);
            case TYPE_NETWORK -> (s & 0x10) == 0 ? 2 : available >= 2 ? 2 + 2 * (b[p + 1] & 0xFF) : 0;
            case TYPE_SYMBOLIC -> symbolicLength(b, p, s, available);
            case TYPE_DATA -> dataLength(b, p, s, available);
            default -> 0;
        };
    }

    /** Port segment: extended link address size (bit 4), port 15 means a 16-bit port follows. */
    private static int portLength(byte[] b, int p, int available) {
        int s = b[p] & 0xFF;
        boolean extendedLink = (s & 0x10) != 0;
        boolean extendedPort = (s & 0x0F) == 0x0F;
        if (!extendedLink) {
            return extendedPort ? 4 : 2;
        }
        if (available < 2) {
            return 0;
        }
        int n = 2 + (extendedPort ? 2 : 0) + (b[p + 1] & 0xFF);
        return n + (n & 1);
    }

    /** Logical segment: 8-bit (2 octets), 16-bit (pad + 2), 32-bit (pad + 4); key is 10. */
    private static int logicalLength(int s) {
        LogicalType type = LogicalType.of(s);
        int format = s & 0x03;
        if (type == LogicalType.SPECIAL) {
            return format == 0 ? ELECTRONIC_KEY_LENGTH : 0;
        }
        return switch (format) {
            case 0 -> 2;
            case 1 -> type == LogicalType.SERVICE_ID ? 0 : 4;
            case 2 -> type == LogicalType.SERVICE_ID ? 0 : 6;
            default -> 0;
        };
    }

    /** Symbolic: size in the low 5 bits, or 0 and an extended-format octet; padded to even. */
    private static int symbolicLength(byte[] b, int p, int s, int available) {
        int n;
        if ((s & 0x1F) != 0) {
            n = 1 + (s & 0x1F);
        } else {
            if (available < 2) {
                return 0;
            }
            int ext = b[p + 1] & 0xFF;
            int count = ext & 0x1F;
            n = 2
                    + switch (ext >> 5) {
                        case 1 -> 2 * count;
                        case 2 -> 3 * count;
                        case 6 -> count == 6 ? 1 : count == 7 ? 2 : count == 8 ? 4 : -3;
                        default -> -3;
                    };
        }
        return n <= 0 ? 0 : n + (n & 1);
    }

    /** Data: simple (word count, words) or ANSI extended symbol (length, characters, pad). */
    private static int dataLength(byte[] b, int p, int s, int available) {
        if (available < 2) {
            return 0;
        }
        int n = b[p + 1] & 0xFF;
        if (s == SIMPLE_DATA) {
            return 2 + 2 * n;
        }
        return s == ANSI_EXTENDED_SYMBOL ? 2 + n + (n & 1) : 0;
    }

    private static PathSegment segment(byte[] b, int p, int size) {
        int s = b[p] & 0xFF;
        return switch (s >> 5) {
            case TYPE_PORT -> port(b, p, s);
            case TYPE_LOGICAL -> logical(b, p, s);
            case TYPE_NETWORK -> new PathSegment.Network(s);
            case TYPE_SYMBOLIC ->
                new PathSegment.Symbolic(
                        (s & 0x1F) != 0 ? PrintableText.of(b, p + 1, s & 0x1F) : "#" + hex(b, p + 2, size - 2));
            default ->
                s == SIMPLE_DATA
                        ? new PathSegment.Data(b[p + 1] & 0xFF)
                        : new PathSegment.Symbolic(PrintableText.of(b, p + 2, b[p + 1] & 0xFF));
        };
    }

    private static PathSegment port(byte[] b, int p, int s) {
        boolean extendedLink = (s & 0x10) != 0;
        boolean extendedPort = (s & 0x0F) == 0x0F;
        int linkAt = p + 1 + (extendedLink ? 1 : 0);
        int port = s & 0x0F;
        if (extendedPort) {
            port = u16(b, linkAt);
            linkAt += 2;
        }
        int linkLength = extendedLink ? b[p + 1] & 0xFF : 1;
        String link = linkLength == 1
                ? Integer.toString(b[linkAt] & 0xFF)
                : PrintableText.isPrintable(b, linkAt, linkLength)
                        ? PrintableText.of(b, linkAt, linkLength)
                        : hex(b, linkAt, linkLength);
        return new PathSegment.Port(port, link);
    }

    private static PathSegment logical(byte[] b, int p, int s) {
        LogicalType type = LogicalType.of(s);
        long value = switch (type == LogicalType.SPECIAL ? -1 : s & 0x03) {
            case 0 -> b[p + 1] & 0xFF;
            case 1 -> u16(b, p + 2);
            case 2 -> u16(b, p + 2) | ((long) u16(b, p + 4) << 16);
            default -> -1;
        };
        return value >= 0 && value < 256
                ? SHARED_LOGICAL[type.ordinal() * 256 + (int) value]
                : new PathSegment.Logical(type, value);
    }

    /**
     * One shared segment per logical type and value 0..255 (class, instance and attribute ids are
     * small numbers in most paths): segments are immutable values, so a path built from these is
     * equal to one built from new ones.
     */
    private static final PathSegment.Logical[] SHARED_LOGICAL = sharedLogical();

    private static PathSegment.Logical[] sharedLogical() {
        LogicalType[] types = LogicalType.values();
        PathSegment.Logical[] shared = new PathSegment.Logical[types.length * 256];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = new PathSegment.Logical(types[i / 256], i % 256);
        }
        return shared;
    }

    private static String hex(byte[] b, int at, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(HexFormat.of().toHexDigits(b[at + i]));
        }
        return s.toString();
    }

    private static int u16(byte[] b, int at) {
        return Octets.u16le(b, at);
    }
}
