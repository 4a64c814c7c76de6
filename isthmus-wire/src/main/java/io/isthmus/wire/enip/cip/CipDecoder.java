package io.isthmus.wire.enip.cip;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Octets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes CIP explicit messages (Volume 1 section 2-4): a request is a service code, a path size
 * in words and the path; a reply sets the response bit and adds a reserved octet, the general
 * status and the additional status words. Multiple Service Packet (0x0A, section) is
 * expanded into its embedded messages and Unconnected Send (0x52 to the Connection Manager,
 * Volume 1 section 3-5.5.2) is unwrapped.
 *
 * <p>Bounds: nesting depth, and one budget of embedded messages for the whole top-level message
 * (offsets must also increase), so overlapping offsets cannot multiply the work. Every size is
 * checked against the octets present; what does not fit becomes an anomaly and the rest of the
 * message is still reported.
 *
 * <p>A decoder keeps the working state of one decode between calls (no object per message), so it
 * is for one thread at a time, as a dissector is; the messages it returns are immutable.
 */
public final class CipDecoder {

    private static final int MULTIPLE_SERVICE_PACKET = 0x0A;
    private static final int UNCONNECTED_SEND = 0x52;
    private static final int CONNECTION_MANAGER = 0x06;
    private static final int EMBEDDED_SERVICE_ERROR = 0x1E;

    private final int maxEmbedded;
    private final int maxDepth;
    private final int maxPathSegments;
    /** The state of the decode in progress, reset by each {@link #decode}. */
    private final Walk walk;

    /**
     * @param maxEmbedded most embedded messages decoded from one top-level message
     * @param maxDepth most levels of Multiple Service Packet / Unconnected Send nesting
     * @param maxPathSegments most segments in one request path
     */
    public CipDecoder(int maxEmbedded, int maxDepth, int maxPathSegments) {
        this.maxEmbedded = maxEmbedded;
        this.maxDepth = maxDepth;
        this.maxPathSegments = maxPathSegments;
        this.walk = new Walk(Math.max(0, maxDepth));
    }

    /**
     * Decodes the message in {@code [at, at + length)} of {@code b} (a dissector's array, {@link
     * Octets}); nothing outside that range is read.
     */
    public CipDecode decode(byte[] b, int at, int length) {
        Walk w = walk;
        w.reset(b, null);
        try {
            CipMessage m = w.node(at, length, 0);
            return m == null
                    ? new CipDecode.Invalid(CipError.TRUNCATED, at, length)
                    : new CipDecode.Decoded(m, w.anomalies == null ? List.of() : w.anomalies); // Decoded copies them
        } finally {
            w.reset(null, null); // keeps no reference to the caller's octets or list
        }
    }

    /**
     * The message in {@code [at, at + length)} of {@code b} as {@link #decode} gives it, what was
     * wrong inside it appended to {@code anomalies} (in the order {@link CipDecode.Decoded} lists
     * them), or null where {@link #decode} gives {@link CipDecode.Invalid} (always {@link
     * CipError#TRUNCATED} with the value {@code length}; nothing is appended then). No result
     * object or anomaly copy: the dissector's path, once per data item.
     */
    public CipMessage decode(byte[] b, int at, int length, List<Anomaly> anomalies) {
        Walk w = walk;
        w.reset(b, anomalies);
        try {
            return w.node(at, length, 0);
        } finally {
            w.reset(null, null);
        }
    }

    /**
     * The reply without additional status and without embedded messages, by service (response bit
     * removed, 0..127) and general status: shared, filled on first use (128 × 256 slots at most; a
     * race only builds an equal immutable record twice). Nearly every reply is one of a few such.
     */
    private static final CipMessage.Response[] PLAIN_RESPONSES = new CipMessage.Response[128 * 256];

    private static CipMessage.Response plainResponse(int service, int status) {
        int slot = (service & 0x7F) << 8 | (status & 0xFF);
        CipMessage.Response r = PLAIN_RESPONSES[slot];
        if (r == null) {
            r = new CipMessage.Response(service, status, List.of(), List.of());
            PLAIN_RESPONSES[slot] = r;
        }
        return r;
    }

    /**
     * One top-level decode: the shared budget and anomalies of all nesting levels. One per decoder,
     * reset for each message: a walk per message was the largest allocation of the CIP decoder.
     */
    private final class Walk {
        private byte[] b;
        /**
         * Where the anomalies go: the caller's list, or null until the first one when the walk
         * collects them itself (most messages have none).
         */
        private List<Anomaly> anomalies;

        private int budget;
        /**
         * The embedded messages of the Multiple Service Packet being decoded at each depth (at most
         * {@code maxDepth} levels decode one), emptied before each use and copied out: no growing
         * list per packet. Each holds at most {@code maxEmbedded} messages (the budget).
         */
        private final List<List<CipMessage>> collected;

        Walk(int depths) {
            collected = new ArrayList<>(depths);
            for (int i = 0; i < depths; i++) {
                collected.add(new ArrayList<>());
            }
        }

        void reset(byte[] octets, List<Anomaly> sink) {
            b = octets;
            anomalies = sink;
            budget = maxEmbedded;
        }

        private void note(Anomaly a) {
            if (anomalies == null) {
                anomalies = new ArrayList<>(2);
            }
            anomalies.add(a);
        }

        /** The message at {@code at}, or null when not even its fixed fields are there. */
        CipMessage node(int at, int length, int depth) {
            if (length < 2) {
                return null;
            }
            return (u8(at) & CipService.RESPONSE_BIT) != 0 ? response(at, length, depth) : request(at, length, depth);
        }

        private CipMessage request(int at, int length, int depth) {
            int service = u8(at);
            int pathLength = 2 * u8(at + 1);
            if (2 + pathLength > length) {
                note(CipError.PATH_EXCEEDS_FRAME.anomaly(String.format(
                        "service 0x%02X: path of %d octets, %d present", service, pathLength, length - 2)));
                pathLength = length - 2;
            }
            EPath path = path(at + 2, pathLength);
            int dataAt = at + 2 + pathLength;
            int dataLength = length - 2 - pathLength;
            List<CipMessage> embedded = List.of();
            if (service == MULTIPLE_SERVICE_PACKET) {
                embedded = multiple(dataAt, dataLength, depth);
            } else if (service == UNCONNECTED_SEND && path.classId().orElse(-1) == CONNECTION_MANAGER) {
                embedded = unconnectedSend(dataAt, dataLength, depth);
            }
            return embedded.isEmpty() ? path.plainRequest(service) : new CipMessage.Request(service, path, embedded);
        }

        /**
         * The request path at {@code at}; a path that does not decode is noted and its decoded
         * start kept. An {@code instanceof} test rather than a pattern switch: it runs once per
         * request, embedded ones included, and the switch is a type-switch bootstrap call.
         */
        private EPath path(int at, int length) {
            EPathDecode decoded = EPathDecoder.decode(b, at, length, maxPathSegments);
            if (decoded instanceof EPathDecode.Decoded d) {
                return d.path();
            }
            EPathDecode.Invalid i = (EPathDecode.Invalid) decoded; // the one other kind
            note(i.error()
                    .anomaly(String.format(
                            "path segment 0x%02X at %d of a %d-octet path", i.value(), i.offset() - at, length)));
            return i.partial();
        }

        private CipMessage response(int at, int length, int depth) {
            if (length < 4) {
                return null;
            }
            int service = u8(at) & ~CipService.RESPONSE_BIT;
            int status = u8(at + 2);
            int words = u8(at + 3);
            if (4 + 2 * words > length) {
                note(CipError.TRUNCATED.anomaly(
                        "additional status of " + words + " words, " + (length - 4) + " octets present"));
                words = (length - 4) / 2;
            }
            List<Integer> extended = List.of(); // no additional status is the rule
            if (words > 0) {
                extended = new ArrayList<>(words);
                for (int i = 0; i < words; i++) {
                    extended.add(u16(at + 4 + 2 * i));
                }
            }
            int dataAt = at + 4 + 2 * words;
            List<CipMessage> embedded =
                    service == MULTIPLE_SERVICE_PACKET && (status == 0 || status == EMBEDDED_SERVICE_ERROR)
                            ? multiple(dataAt, at + length - dataAt, depth)
                            : List.of();
            return words == 0 && embedded.isEmpty()
                    ? plainResponse(service, status)
                    : new CipMessage.Response(service, status, extended, embedded);
        }

        /** Multiple Service Packet data: count, one offset per service (from the count), services. */
        private List<CipMessage> multiple(int at, int length, int depth) {
            if (!deeper(depth) || length < 2) {
                if (length < 2) {
                    note(CipError.TRUNCATED.anomaly("Multiple Service Packet without a service count"));
                }
                return List.of();
            }
            int count = u16(at);
            int listed = Math.min(count, (length - 2) / 2);
            if (count > listed) {
                note(CipError.SERVICE_COUNT_EXCEEDS_FRAME.anomaly(
                        count + " services, room for " + listed + " offsets"));
            }
            List<CipMessage> out = collected.get(depth); // deeper(depth): depth < maxDepth
            out.clear();
            int floor = 2 + 2 * listed;
            for (int i = 0; i < listed; i++) {
                if (budget <= 0) {
                    note(CipError.SERVICE_COUNT_EXCEEDS_LIMIT.anomaly(
                            count + " services; at most " + maxEmbedded + " embedded messages are decoded"));
                    break;
                }
                int start = u16(at + 2 + 2 * i);
                int end = i + 1 < listed ? u16(at + 4 + 2 * i) : length;
                if (start < floor || end < start || end > length) {
                    note(CipError.SERVICE_OFFSET_INVALID.anomaly(
                            "service " + (i + 1) + " at offsets " + start + ".." + end + " of " + length));
                    break;
                }
                budget--;
                embed(out, at + start, end - start, depth + 1);
                floor = end;
            }
            List<CipMessage> messages = frozen(out);
            out.clear(); // keeps no message past this packet
            return messages;
        }

        /**
         * An immutable copy of the collected messages (as {@code List.copyOf}, which copies an
         * {@code ArrayList} twice: to an array, then into the list): up to ten through {@code
         * List.of}'s fixed-arity forms, which build the list on their one array (perf14d: the Multiple
         * Service Packet's list copies were 2 % of the dissect core's allocation).
         */
        private static List<CipMessage> frozen(List<CipMessage> m) {
            return switch (m.size()) {
                case 0 -> List.of();
                case 1 -> List.of(m.get(0));
                case 2 -> List.of(m.get(0), m.get(1));
                case 3 -> List.of(m.get(0), m.get(1), m.get(2));
                case 4 -> List.of(m.get(0), m.get(1), m.get(2), m.get(3));
                case 5 -> List.of(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4));
                case 6 -> List.of(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5));
                case 7 -> List.of(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5), m.get(6));
                case 8 -> List.of(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5), m.get(6), m.get(7));
                case 9 ->
                    List.of(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5), m.get(6), m.get(7), m.get(8));
                case 10 ->
                    List.of(
                            m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5), m.get(6), m.get(7), m.get(8),
                            m.get(9));
                default -> List.copyOf(m);
            };
        }

        /** Unconnected Send data: priority/tick, timeout, message size, message, pad, route path. */
        private List<CipMessage> unconnectedSend(int at, int length, int depth) {
            if (!deeper(depth)) {
                return List.of();
            }
            if (length < 4) {
                note(CipError.TRUNCATED.anomaly("Unconnected Send of " + length + " octets"));
                return List.of();
            }
            int size = u16(at + 2);
            if (4 + size > length) {
                note(CipError.EMBEDDED_LENGTH_EXCEEDS_FRAME.anomaly(
                        "embedded message of " + size + " octets, " + (length - 4) + " present"));
                size = length - 4;
            }
            if (budget <= 0) {
                return List.of();
            }
            budget--;
            CipMessage m = node(at + 4, size, depth + 1);
            if (m == null) {
                note(CipError.TRUNCATED.anomaly("embedded message of " + size + " octets"));
                return List.of();
            }
            return List.of(m);
        }

        private boolean deeper(int depth) {
            if (depth + 1 > maxDepth) {
                note(CipError.NESTING_TOO_DEEP.anomaly("embedded messages nested deeper than " + maxDepth));
                return false;
            }
            return true;
        }

        private void embed(List<CipMessage> out, int at, int length, int depth) {
            CipMessage m = node(at, length, depth);
            if (m == null) {
                note(CipError.TRUNCATED.anomaly("embedded message of " + length + " octets"));
            } else {
                out.add(m);
            }
        }

        private int u8(int at) {
            return b[at] & 0xFF;
        }

        private int u16(int at) {
            return Octets.u16le(b, at);
        }
    }
}
