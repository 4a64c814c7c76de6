package io.isthmus.wire.enip.cip;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Octets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>A decoder keeps the working state of one decode between calls (no object per message), and
 * the last few messages it built that carry embedded ones, which it hands out again for the same
 * content (a poll repeats its Multiple Service Packets); so it is for one thread at a time, as a
 * dissector is. The messages it returns are immutable, and equal to freshly built ones.
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
        this.walk = new Walk();
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
     * Slots of {@link Walk}'s table of messages that carry embedded ones (a power of two): a
     * connection polls with a few Multiple Service Packets in turn.
     */
    private static final int BUILT_SLOTS = 64;

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
         * The embedded messages decoded so far, as a stack: a Multiple Service Packet or Unconnected
         * Send pushes its messages from the top it found, and its caller takes them off again once
         * its message is built, so nested ones stack above their parent's. Each pushed message
         * spent one unit of the budget, so at most {@code maxEmbedded} are ever held.
         */
        private CipMessage[] stack = new CipMessage[16];

        private int top;
        /**
         * The messages with embedded ones built by this decoder, by a hash of their content (service,
         * status or path, embedded messages by identity): a poll repeats the same Multiple Service
         * Packets, whose embedded requests and replies are already shared ({@link
         * EPath#plainRequest}, {@link CipDecoder#plainResponse}), so an equal tree is handed out again
         * rather than built with its list. Immutable messages; one table per decoder and thread.
         */
        private final CipMessage[] built = new CipMessage[BUILT_SLOTS];

        void reset(byte[] octets, List<Anomaly> sink) {
            b = octets;
            anomalies = sink;
            budget = maxEmbedded;
            Arrays.fill(stack, 0, top, null); // only after a failure: a decode leaves it empty
            top = 0;
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
            int base = top;
            if (service == MULTIPLE_SERVICE_PACKET) {
                multiple(dataAt, dataLength, depth);
            } else if (service == UNCONNECTED_SEND && path.classId().orElse(-1) == CONNECTION_MANAGER) {
                unconnectedSend(dataAt, dataLength, depth);
            }
            return top == base ? path.plainRequest(service) : carrying(service, -1, path, base);
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
            int base = top;
            if (service == MULTIPLE_SERVICE_PACKET && (status == 0 || status == EMBEDDED_SERVICE_ERROR)) {
                multiple(dataAt, at + length - dataAt, depth);
            }
            if (words == 0) {
                return top == base ? plainResponse(service, status) : carrying(service, status, null, base);
            }
            return new CipMessage.Response(service, status, extended, taken(base));
        }

        /**
         * The request (with {@code path}) or reply without additional status (with {@code status})
         * carrying the messages pushed since {@code base}, which are taken off: the one built
         * before when its content was the same (see {@link #built}), else a new one, kept.
         */
        private CipMessage carrying(int service, int status, EPath path, int base) {
            int hash = service * 31 + (path == null ? status : System.identityHashCode(path));
            for (int i = base; i < top; i++) {
                hash = hash * 31 + System.identityHashCode(stack[i]);
            }
            int slot = (hash ^ hash >>> 16) & (BUILT_SLOTS - 1);
            CipMessage known = built[slot];
            if (known != null
                    && known.service() == service
                    && sameHead(known, status, path)
                    && carries(known.embedded(), base)) {
                drop(base);
                return known;
            }
            List<CipMessage> embedded = taken(base);
            CipMessage m = path == null
                    ? new CipMessage.Response(service, status, List.of(), embedded)
                    : new CipMessage.Request(service, path, embedded);
            built[slot] = m;
            return m;
        }

        /** True when {@code known} is a request with {@code path}, or a reply with {@code status} and no additional status. */
        private static boolean sameHead(CipMessage known, int status, EPath path) {
            if (path == null) {
                return known instanceof CipMessage.Response r
                        && r.generalStatus() == status
                        && r.extendedStatus().isEmpty();
            }
            return known instanceof CipMessage.Request r && r.path() == path;
        }

        /** True when {@code embedded} holds the messages pushed since {@code base}, the same objects. */
        private boolean carries(List<CipMessage> embedded, int base) {
            if (embedded.size() != top - base) {
                return false;
            }
            for (int i = base; i < top; i++) {
                if (embedded.get(i - base) != stack[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Pushes an embedded message (the stack grows by doubling: it never holds more than the budget). */
        private void push(CipMessage m) {
            if (top == stack.length) {
                stack = Arrays.copyOf(stack, 2 * stack.length);
            }
            stack[top++] = m;
        }

        /** Takes the messages pushed since {@code base} off the stack, leaving no reference behind. */
        private void drop(int base) {
            Arrays.fill(stack, base, top, null);
            top = base;
        }

        /**
         * Multiple Service Packet data: count, one offset per service (from the count), services;
         * the messages are pushed.
         */
        private void multiple(int at, int length, int depth) {
            if (!deeper(depth) || length < 2) {
                if (length < 2) {
                    note(CipError.TRUNCATED.anomaly("Multiple Service Packet without a service count"));
                }
                return;
            }
            int count = u16(at);
            int listed = Math.min(count, (length - 2) / 2);
            if (count > listed) {
                note(CipError.SERVICE_COUNT_EXCEEDS_FRAME.anomaly(
                        count + " services, room for " + listed + " offsets"));
            }
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
                embed(at + start, end - start, depth + 1);
                floor = end;
            }
        }

        /**
         * The messages pushed since {@code base} as an immutable list, taken off the stack. Up to ten
         * through {@code List.of}'s fixed-arity forms, which build the list on their one array.
         */
        private List<CipMessage> taken(int base) {
            CipMessage[] m = stack;
            List<CipMessage> list = switch (top - base) {
                case 0 -> List.of();
                case 1 -> List.of(m[base]);
                case 2 -> List.of(m[base], m[base + 1]);
                case 3 -> List.of(m[base], m[base + 1], m[base + 2]);
                case 4 -> List.of(m[base], m[base + 1], m[base + 2], m[base + 3]);
                case 5 -> List.of(m[base], m[base + 1], m[base + 2], m[base + 3], m[base + 4]);
                case 6 -> List.of(m[base], m[base + 1], m[base + 2], m[base + 3], m[base + 4], m[base + 5]);
                case 7 ->
                    List.of(m[base], m[base + 1], m[base + 2], m[base + 3], m[base + 4], m[base + 5], m[base + 6]);
                case 8 ->
                    List.of(
                            m[base],
                            m[base + 1],
                            m[base + 2],
                            m[base + 3],
                            m[base + 4],
                            m[base + 5],
                            m[base + 6],
                            m[base + 7]);
                case 9 ->
                    List.of(
                            m[base],
                            m[base + 1],
                            m[base + 2],
                            m[base + 3],
                            m[base + 4],
                            m[base + 5],
                            m[base + 6],
                            m[base + 7],
                            m[base + 8]);
                case 10 ->
                    List.of(
                            m[base],
                            m[base + 1],
                            m[base + 2],
                            m[base + 3],
                            m[base + 4],
                            m[base + 5],
                            m[base + 6],
                            m[base + 7],
                            m[base + 8],
                            m[base + 9]);
                default -> List.of(Arrays.copyOfRange(m, base, top));
            };
            drop(base);
            return list;
        }

        /**
         * Unconnected Send data: priority/tick, timeout, message size, message, pad, route path; the
         * message is pushed.
         */
        private void unconnectedSend(int at, int length, int depth) {
            if (!deeper(depth)) {
                return;
            }
            if (length < 4) {
                note(CipError.TRUNCATED.anomaly("Unconnected Send of " + length + " octets"));
                return;
            }
            int size = u16(at + 2);
            if (4 + size > length) {
                note(CipError.EMBEDDED_LENGTH_EXCEEDS_FRAME.anomaly(
                        "embedded message of " + size + " octets, " + (length - 4) + " present"));
                size = length - 4;
            }
            if (budget <= 0) {
                return;
            }
            budget--;
            CipMessage m = node(at + 4, size, depth + 1);
            if (m == null) {
                note(CipError.TRUNCATED.anomaly("embedded message of " + size + " octets"));
                return;
            }
            push(m);
        }

        private boolean deeper(int depth) {
            if (depth + 1 > maxDepth) {
                note(CipError.NESTING_TOO_DEEP.anomaly("embedded messages nested deeper than " + maxDepth));
                return false;
            }
            return true;
        }

        private void embed(int at, int length, int depth) {
            CipMessage m = node(at, length, depth);
            if (m == null) {
                note(CipError.TRUNCATED.anomaly("embedded message of " + length + " octets"));
            } else {
                push(m);
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
