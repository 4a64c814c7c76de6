package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Octets;
import io.isthmus.wire.PrintableText;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Decodes one S7comm PDU (protocol id 0x32) from a complete TSDU. The header's parameter and data
 * lengths are checked against the octets present; when they claim more, the PDU is still decoded
 * from what is there (so its function is seen and counted) and carries an anomaly. Every item
 * count is bounded by the limit and by the octets left.
 *
 * <p>Holds the userdata reassembly state of one flow direction, so the session layer keeps one
 * decoder per direction (through its dissector).
 */
public final class S7commDecoder {

    private static final int VARIABLE_SPECIFICATION = 0x12;
    private static final int SYNTAX_S7ANY = 0x10;
    private static final int S7ANY_SPEC_LENGTH = 10;

    private static final int USERDATA_SHORT = 8;

    private static final int BLOCK_ID_LENGTH = 8;

    private final int maxVarItems;
    private final int maxSzlRecords;
    private final int maxUserdataUnits;
    private final int maxUserdataOctets;
    /**
     * The userdata decoder and its reassembly state, made by the first userdata PDU (most flows
     * carry none, and a dissector is made for every stream and after every gap in one).
     */
    private UserdataDecoder userdata;
    /** The anomalies of the PDU being decoded; emptied by each {@link #decode}. */
    private final List<Anomaly> found = new ArrayList<>();
    /** Where the parts of the PDU being decoded lie; set by each {@link #decode}. */
    private final Part part = new Part();
    /** Return codes of the var response being decoded ({@link #codes}). */
    private S7ReturnCode[] codeScratch = NO_CODES;

    /** The working array until a response needs one (one-item responses, the most, never do). */
    private static final S7ReturnCode[] NO_CODES = new S7ReturnCode[0];
    /** The header of the PDU being decoded; set by each {@link #read}. */
    private final Head head = new Head();
    /** The outcome of the last {@link #read}: its message when it decoded, else why not. */
    private S7Message message;

    /** The summary parts of the last {@link #read} when its message is one the decoder shares, else null. */
    private S7commSummary.Parts keptParts;

    private S7Decode.Invalid invalid;

    public S7commDecoder(int maxVarItems, int maxSzlRecords, int maxUserdataUnits, int maxUserdataOctets) {
        this.maxVarItems = maxVarItems;
        this.maxSzlRecords = maxSzlRecords;
        this.maxUserdataUnits = maxUserdataUnits;
        this.maxUserdataOctets = maxUserdataOctets;
    }

    /** Decodes the PDU in {@code [at, at + length)} of {@code buffer} (absolute indexes, not moved). */
    public S7Decode decode(ByteBuffer buffer, int at, int length) {
        if (!read(buffer, at, length)) {
            return invalid;
        }
        S7Header header = new S7Header(
                head.rosctr,
                head.rosctr.code(),
                head.pduReference,
                head.parameterLength,
                head.dataLength,
                S7ErrorClass.of(head.errorClass),
                head.errorClass,
                head.errorCode,
                head.length);
        return new S7Decode.Decoded(header, message, anomalies());
    }

    /**
     * Decodes the PDU as {@link #decode} does, without a header or result object (the dissector's
     * path): true when {@link #decode} would give {@link S7Decode.Decoded}, whose parts are then
     * {@link #rosctr()}, {@link #pduReference()}, {@link #errorClass()}, {@link #error()}, {@link
     * #message()} and {@link #anomalies()} until the next call; false when it would give the
     * {@link S7Decode.Invalid} that {@link #invalid()} then is.
     */
    public boolean read(ByteBuffer buffer, int at, int length) {
        byte[] b = Octets.of(buffer); // read in place at the buffer's indexes; nothing past the PDU
        message = null;
        invalid = null;
        keptParts = null;
        found.clear();
        if (length < 2) {
            return invalid(new S7Decode.Invalid(S7Error.HEADER_TRUNCATED, at, length));
        }
        int rosctrCode = u8(b, at + 1);
        Rosctr rosctr = Rosctr.of(rosctrCode);
        if (rosctr == Rosctr.UNKNOWN) {
            return invalid(new S7Decode.Invalid(S7Error.ROSCTR_UNKNOWN, at + 1, rosctrCode));
        }
        int headerLength = rosctr.hasErrorFields() ? S7Header.LONG_LENGTH : S7Header.SHORT_LENGTH;
        if (length < headerLength) {
            return invalid(new S7Decode.Invalid(S7Error.HEADER_TRUNCATED, at, length));
        }
        Head h = head;
        h.read(b, at, rosctr, headerLength);
        List<Anomaly> anomalies = found;
        parts(h, at, length, part, anomalies);
        return switch (rosctr) {
            case JOB, ACK_DATA ->
                part.parameterLength < 1
                        ? invalid(new S7Decode.Invalid(S7Error.PARAMETER_MISSING, part.parameterAt, h.parameterLength))
                        : decoded(function(b, rosctr, part, anomalies));
            case ACK ->
                decoded(
                        part.parameterLength < 1
                                ? new S7Message.Acknowledgement()
                                : new S7Message.OtherFunction(u8(b, part.parameterAt)));
            case USERDATA ->
                part.parameterLength < USERDATA_SHORT
                        ? invalid(new S7Decode.Invalid(S7Error.PARAMETER_MISSING, part.parameterAt, h.parameterLength))
                        : decoded(userdata()
                                .decode(
                                        buffer,
                                        b,
                                        part.parameterAt,
                                        part.parameterLength,
                                        part.dataAt,
                                        part.dataLength,
                                        anomalies));
            case UNKNOWN -> invalid(new S7Decode.Invalid(S7Error.ROSCTR_UNKNOWN, at + 1, rosctrCode));
        };
    }

    private UserdataDecoder userdata() {
        if (userdata == null) {
            userdata = new UserdataDecoder(maxSzlRecords, maxUserdataUnits, maxUserdataOctets);
        }
        return userdata;
    }

    /** The PDU type of the PDU last {@link #read}. */
    public Rosctr rosctr() {
        return head.rosctr;
    }

    /** The PDU reference of the PDU last {@link #read}. */
    public int pduReference() {
        return head.pduReference;
    }

    /** The error class of the PDU last {@link #read} (ack and ack_data; else {@link S7ErrorClass#of} of 0). */
    public S7ErrorClass errorClass() {
        return S7ErrorClass.of(head.errorClass);
    }

    /** The 16-bit error of the PDU last {@link #read}, as {@link S7Header#error()} gives it. */
    public int error() {
        return (head.errorClass << 8) | head.errorCode;
    }

    /** The message of the PDU last {@link #read} when it returned true. */
    public S7Message message() {
        return message;
    }

    /**
     * The summary parts of the PDU last {@link #read} when its message is one the decoder shares (a
     * Read/Write Var job kept decoded, a one-item or all-succeeded var response): {@link
     * S7commSummary#parts} of it, shared by every summary of the same message; else null.
     */
    S7commSummary.Parts keptParts() {
        return keptParts;
    }

    /** What {@link #decode} would have returned for the PDU last {@link #read} when it returned false. */
    public S7Decode.Invalid invalid() {
        return invalid;
    }

    /**
     * The anomalies of the PDU last {@link #read} as an immutable list ({@code List.of()} when none,
     * as for most PDUs: no copy).
     */
    public List<Anomaly> anomalies() {
        return found.isEmpty() ? List.of() : List.copyOf(found);
    }

    private boolean decoded(S7Message m) {
        message = m;
        return true;
    }

    private boolean invalid(S7Decode.Invalid i) {
        invalid = i;
        return false;
    }

    /**
     * The header fields of the PDU being decoded. One per decoder, set for each PDU (as {@link
     * Part}): the dissector reads them in place instead of an {@link S7Header} per PDU.
     */
    private static final class Head {
        Rosctr rosctr = Rosctr.UNKNOWN;
        int pduReference;
        int parameterLength;
        int dataLength;
        int errorClass;
        int errorCode;
        int length;

        void read(byte[] b, int at, Rosctr r, int headerLength) {
            rosctr = r;
            pduReference = u16(b, at + 4);
            parameterLength = u16(b, at + 6);
            dataLength = u16(b, at + 8);
            errorClass = r.hasErrorFields() ? u8(b, at + 10) : 0;
            errorCode = r.hasErrorFields() ? u8(b, at + 11) : 0;
            length = headerLength;
        }
    }

    /**
     * Where the parameter and data parts are, clipped to the octets present. One per decoder, set
     * for each PDU and read only while it is decoded: a record per PDU was a fifth of the S7 decoder's
     * allocation, and C1 does not scalar-replace it.
     */
    private static final class Part {
        int parameterAt;
        int parameterLength;
        int dataAt;
        int dataLength;
    }

    private static void parts(Head h, int at, int length, Part part, List<Anomaly> anomalies) {
        int available = length - h.length;
        if (h.parameterLength + h.dataLength > available) {
            anomalies.add(S7Error.LENGTH_EXCEEDS_FRAME.anomaly(String.format(
                    "parameter %d + data %d octets, %d present", h.parameterLength, h.dataLength, available)));
        }
        int parameterLength = Math.min(h.parameterLength, available);
        int dataLength = Math.min(h.dataLength, available - parameterLength);
        part.parameterAt = at + h.length;
        part.parameterLength = parameterLength;
        part.dataAt = part.parameterAt + parameterLength;
        part.dataLength = dataLength;
    }

    private S7Message function(byte[] b, Rosctr rosctr, Part part, List<Anomaly> anomalies) {
        int code = u8(b, part.parameterAt);
        S7Function function = S7Function.of(code);
        boolean job = rosctr == Rosctr.JOB;
        return switch (function) {
            case SETUP_COMMUNICATION -> setup(b, part, anomalies);
            case READ_VAR, WRITE_VAR ->
                job ? varRequest(b, function, part, anomalies) : varResponse(b, function, part, anomalies);
            case PLC_STOP -> job ? plcStop(b, part, anomalies) : new S7Message.OtherFunction(code);
            case PLC_CONTROL -> job ? plcControl(b, part, anomalies) : new S7Message.OtherFunction(code);
            case REQUEST_DOWNLOAD, DOWNLOAD_BLOCK, DOWNLOAD_ENDED, START_UPLOAD, UPLOAD, END_UPLOAD ->
                new S7Message.BlockTransfer(function, job ? fileName(b, function, part) : Optional.empty());
            case CPU_SERVICES, UNKNOWN -> new S7Message.OtherFunction(code);
        };
    }

    /** Setup Communication: function, reserved, max AmQ calling, max AmQ called, PDU length. */
    private static S7Message setup(byte[] b, Part part, List<Anomaly> anomalies) {
        int p = part.parameterAt;
        if (part.parameterLength < 8) {
            return truncated(b, part, 8, anomalies);
        }
        return new S7Message.SetupCommunication(u16(b, p + 2), u16(b, p + 4), u16(b, p + 6));
    }

    /**
     * Read/Write Var jobs whose parameter is at most this many octets are kept decoded, by their
     * octets: a plant's HMIs and historians poll the same variables again and again, so the same
     * parameter (function, count, item specifications) comes back in job after job. 64 octets hold
     * five S7ANY items.
     */
    private static final int SHARED_MAX_OCTETS = 64;

    private static final int SHARED_SLOT_BITS = 10;

    /**
     * The kept requests, direct mapped ({@code 2^SHARED_SLOT_BITS} slots for all decoders; a new
     * parameter replaces the one in its slot, so hostile traffic can only make it miss, never grow
     * it). Only parameters decoded without an anomaly are kept, and one is used only when its item
     * count is within the decoder's limit: then the decode depends on the octets alone. Entries
     * are immutable (their octets are a private copy, never written after), so threads racing on a
     * slot see a whole entry or another one; a miss decodes as before.
     */
    private static final SharedRequest[] SHARED_REQUESTS = new SharedRequest[1 << SHARED_SLOT_BITS];

    /**
     * A kept request with the parts of its summaries ({@link S7commSummary#parts}: immutable, so
     * every summary of the same job shares them).
     */
    private record SharedRequest(int hash, byte[] octets, S7Message.VarRequest request, S7commSummary.Parts parts) {}

    /** Read/Write Var job: function, item count, then one variable specification per item. */
    private S7Message varRequest(byte[] b, S7Function function, Part part, List<Anomaly> anomalies) {
        if (part.parameterLength < 2) {
            return truncated(b, part, 2, anomalies);
        }
        int at = part.parameterAt;
        int length = part.parameterLength;
        if (length > SHARED_MAX_OCTETS || u8(b, at + 1) > maxVarItems) {
            return decodeVarRequest(b, function, part, anomalies);
        }
        int hash = hash(b, at, length);
        int slot = hash >>> (32 - SHARED_SLOT_BITS);
        SharedRequest kept = SHARED_REQUESTS[slot];
        if (kept != null
                && kept.hash == hash
                && Arrays.equals(kept.octets, 0, kept.octets.length, b, at, at + length)) {
            keptParts = kept.parts;
            return kept.request;
        }
        int before = anomalies.size();
        S7Message.VarRequest request = decodeVarRequest(b, function, part, anomalies);
        if (anomalies.size() == before) {
            S7commSummary.Parts parts = S7commSummary.parts(Rosctr.JOB, request);
            SHARED_REQUESTS[slot] = new SharedRequest(hash, Arrays.copyOfRange(b, at, at + length), request, parts);
            keptParts = parts;
        }
        return request;
    }

    private static final int GOLDEN = 0x9E3779B9;

    /**
     * A hash of {@code [at, at + length)} whose top bits (the slot) depend on every octet. It takes
     * four octets a step, the last step on the last four (overlapping the one before when the length
     * is not a multiple of four): a one-item parameter (14 octets) is four multiplications, where an
     * octet a step made a chain of fourteen (then the decoder's largest self time in a C2 profile of
     * the dissect core).
     */
    private static int hash(byte[] b, int at, int length) {
        int h = length * GOLDEN;
        if (length < 4) {
            for (int i = 0; i < length; i++) {
                h = (h ^ b[at + i]) * GOLDEN;
            }
            return h;
        }
        int last = at + length - 4;
        for (int p = at; p < last; p += 4) {
            h = (h ^ int32(b, p)) * GOLDEN;
        }
        return (h ^ int32(b, last)) * GOLDEN;
    }

    /** Four octets as one int, for {@link #hash} (any fixed order would do). */
    private static int int32(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
    }

    private S7Message.VarRequest decodeVarRequest(byte[] b, S7Function function, Part part, List<Anomaly> anomalies) {
        int count = itemCount(b, part, anomalies);
        // every item spec takes at least 2 octets, so the array is sized by the octets present
        VarItem[] items = new VarItem[Math.min(Math.min(count, maxVarItems), (part.parameterLength - 2) / 2)];
        int decoded = 0;
        int p = part.parameterAt + 2;
        int end = part.parameterAt + part.parameterLength;
        for (int i = 0; i < Math.min(count, maxVarItems); i++) {
            if (p + 2 > end || p + 2 + u8(b, p + 1) > end) {
                anomalies.add(S7Error.ITEM_COUNT_EXCEEDS_FRAME.anomaly(
                        "item count " + count + ", parameter holds " + i + " items"));
                break;
            }
            if (u8(b, p) != VARIABLE_SPECIFICATION) {
                anomalies.add(S7Error.ITEM_SPEC_INVALID.anomaly(
                        String.format("item %d starts with 0x%02X, not 0x12", i + 1, u8(b, p))));
                break;
            }
            items[decoded++] = item(b, p + 2, u8(b, p + 1));
            p += 2 + u8(b, p + 1);
        }
        return new S7Message.VarRequest(
                function, count, List.of(decoded == items.length ? items : Arrays.copyOf(items, decoded)));
    }

    private int itemCount(byte[] b, Part part, List<Anomaly> anomalies) {
        int count = u8(b, part.parameterAt + 1);
        if (count > maxVarItems) {
            anomalies.add(
                    S7Error.ITEM_COUNT_EXCEEDS_LIMIT.anomaly("item count " + count + " above limit " + maxVarItems));
        }
        return count;
    }

    /** S7ANY: syntax, transport size, count, DB number, area, 24-bit bit address. */
    private static VarItem item(byte[] b, int at, int length) {
        int syntax = length >= 1 ? u8(b, at) : -1;
        if (syntax != SYNTAX_S7ANY || length < S7ANY_SPEC_LENGTH) {
            return new VarItem.Other(syntax, length);
        }
        int typeCode = u8(b, at + 1);
        int address = (u8(b, at + 7) << 16) | u16(b, at + 8);
        return new VarItem.S7Any(
                S7TransportSize.of(typeCode),
                typeCode,
                u16(b, at + 2),
                u16(b, at + 4),
                S7Area.of(u8(b, at + 6)),
                address >> 3,
                address & 0x7);
    }

    /** Read/Write Var ack_data: item count in the parameter, one return code per item in the data. */
    private S7Message varResponse(byte[] b, S7Function function, Part part, List<Anomaly> anomalies) {
        if (part.parameterLength < 2) {
            return truncated(b, part, 2, anomalies);
        }
        if (u8(b, part.parameterAt + 1) == 1 && maxVarItems >= 1) { // the usual one-item response
            S7ReturnCode code = oneResult(b, function, part);
            if (code != null) {
                return shared((function == S7Function.READ_VAR ? ONE_READ : ONE_WRITE)[code.ordinal()]);
            }
        }
        int count = itemCount(b, part, anomalies);
        int wanted = Math.min(count, maxVarItems);
        int decoded = function == S7Function.READ_VAR
                ? readResults(b, part, wanted, anomalies)
                : writeResults(b, part, wanted, anomalies);
        S7ReturnCode[] codes = codeScratch;
        if (count == 1 && decoded == 1) { // one shared record
            return shared((function == S7Function.READ_VAR ? ONE_READ : ONE_WRITE)[codes[0].ordinal()]);
        }
        if (decoded == count && count >= 2 && count < SHARED_SUCCESS_ITEMS && allSucceeded(codes, decoded)) {
            return shared((function == S7Function.READ_VAR ? ALL_READ : ALL_WRITE)[count]);
        }
        return new S7Message.VarResponse(function, count, returnCodes(codes, decoded));
    }

    /** A shared var response, whose summary parts the next summary then reads. */
    private S7Message.VarResponse shared(SharedResponse r) {
        keptParts = r.parts;
        return r.response;
    }

    /**
     * A var response shared by every PDU that carries it, with the parts of its summaries (always
     * an ack_data's: only ack_data carries var responses).
     */
    private record SharedResponse(S7Message.VarResponse response, S7commSummary.Parts parts) {
        SharedResponse(S7Message.VarResponse response) {
            this(response, S7commSummary.parts(Rosctr.ACK_DATA, response));
        }
    }

    private static boolean allSucceeded(S7ReturnCode[] codes, int n) {
        for (int i = 0; i < n; i++) {
            if (codes[i] != S7ReturnCode.SUCCESS) {
                return false;
            }
        }
        return true;
    }

    /**
     * Var responses of 2 to {@code SHARED_SUCCESS_ITEMS - 1} items that all succeeded, by item count:
     * immutable and shared, as the one-item responses are (what a poll of several variables gets).
     */
    private static final int SHARED_SUCCESS_ITEMS = 32;

    private static final SharedResponse[] ALL_READ = allSucceeded(S7Function.READ_VAR);

    private static final SharedResponse[] ALL_WRITE = allSucceeded(S7Function.WRITE_VAR);

    private static SharedResponse[] allSucceeded(S7Function function) {
        SharedResponse[] responses = new SharedResponse[SHARED_SUCCESS_ITEMS];
        for (int n = 2; n < SHARED_SUCCESS_ITEMS; n++) {
            responses[n] = new SharedResponse(
                    new S7Message.VarResponse(function, n, Collections.nCopies(n, S7ReturnCode.SUCCESS)));
        }
        return responses;
    }

    /**
     * The return code of a one-item var response when its data holds the item whole (what {@link
     * #readResults} or {@link #writeResults} would decode without an anomaly), else null: then those
     * decode it and say what is missing.
     */
    private static S7ReturnCode oneResult(byte[] b, S7Function function, Part part) {
        int d = part.dataAt;
        if (function != S7Function.READ_VAR) {
            return part.dataLength >= 1 ? S7ReturnCode.of(u8(b, d)) : null;
        }
        if (part.dataLength < 4) {
            return null;
        }
        int size = u8(b, d + 1);
        int octets = size >= 3 && size <= 5 ? (u16(b, d + 2) + 7) / 8 : u16(b, d + 2);
        return 4 + octets <= part.dataLength ? S7ReturnCode.of(u8(b, d)) : null;
    }

    /** The response to a one-item Read Var, by its return code's ordinal (immutable, shared). */
    private static final SharedResponse[] ONE_READ = oneItem(S7Function.READ_VAR);

    private static final SharedResponse[] ONE_WRITE = oneItem(S7Function.WRITE_VAR);

    private static SharedResponse[] oneItem(S7Function function) {
        S7ReturnCode[] codes = S7ReturnCode.values();
        SharedResponse[] responses = new SharedResponse[codes.length];
        for (S7ReturnCode c : codes) {
            responses[c.ordinal()] = new SharedResponse(new S7Message.VarResponse(function, 1, List.of(c)));
        }
        return responses;
    }

    /**
     * Each item: return code, transport size, length (bits for sizes 3..5), data, even padding. The
     * codes go to the working array ({@link #codes}); returns how many were decoded.
     */
    private int readResults(byte[] b, Part part, int wanted, List<Anomaly> anomalies) {
        S7ReturnCode[] codes = codes(Math.min(wanted, part.dataLength / 4)); // 4 octets per item
        int decoded = 0;
        int d = part.dataAt;
        int end = part.dataAt + part.dataLength;
        for (int i = 0; i < wanted; i++) {
            if (d + 4 > end) {
                anomalies.add(S7Error.ITEM_COUNT_EXCEEDS_FRAME.anomaly(
                        "item count " + wanted + ", data holds " + i + " items"));
                break;
            }
            int size = u8(b, d + 1);
            int octets = size >= 3 && size <= 5 ? (u16(b, d + 2) + 7) / 8 : u16(b, d + 2);
            if (d + 4 + octets > end) {
                anomalies.add(S7Error.DATA_TRUNCATED.anomaly(
                        "item " + (i + 1) + " claims " + octets + " octets, " + (end - d - 4) + " present"));
                break;
            }
            codes[decoded++] = S7ReturnCode.of(u8(b, d));
            d += 4 + octets + (octets % 2 == 1 && i < wanted - 1 ? 1 : 0);
        }
        return decoded;
    }

    /** One return code octet per item, as {@link #readResults} gives them. */
    private int writeResults(byte[] b, Part part, int wanted, List<Anomaly> anomalies) {
        S7ReturnCode[] codes = codes(Math.min(wanted, part.dataLength)); // an octet per item
        int decoded = 0;
        for (int i = 0; i < wanted; i++) {
            if (i >= part.dataLength) {
                anomalies.add(S7Error.ITEM_COUNT_EXCEEDS_FRAME.anomaly(
                        "item count " + wanted + ", data holds " + i + " return codes"));
                break;
            }
            codes[decoded++] = S7ReturnCode.of(u8(b, part.dataAt + i));
        }
        return decoded;
    }

    /** One shared immutable list per return code: most responses carry one item. */
    private static final List<List<S7ReturnCode>> ONE_CODE =
            Arrays.stream(S7ReturnCode.values()).map(List::of).toList();

    /**
     * The decoder's working array for at least {@code n} return codes (n is at most the item limit
     * and the octets present); grown when needed, its contents copied out by {@link #returnCodes}.
     */
    private S7ReturnCode[] codes(int n) {
        if (codeScratch.length < n) {
            codeScratch = new S7ReturnCode[Math.max(Math.max(n, 8), 2 * codeScratch.length)];
        }
        return codeScratch;
    }

    /** The first {@code decoded} codes as an immutable list (one shared list for a single code). */
    private static List<S7ReturnCode> returnCodes(S7ReturnCode[] codes, int decoded) {
        if (decoded == 1) {
            return ONE_CODE.get(codes[0].ordinal());
        }
        return List.of(Arrays.copyOf(codes, decoded));
    }

    /** PLC Stop: function, 5 unknown octets, length and name of the PI service. */
    private static S7Message plcStop(byte[] b, Part part, List<Anomaly> anomalies) {
        if (part.parameterLength < 7) {
            return truncated(b, part, 7, anomalies);
        }
        return new S7Message.PlcStop(counted(b, part, part.parameterAt + 6, anomalies));
    }

    /** PLC Control: function, 7 unknown octets, argument block (16-bit length), PI service name. */
    private static S7Message plcControl(byte[] b, Part part, List<Anomaly> anomalies) {
        int p = part.parameterAt;
        int end = p + part.parameterLength;
        if (part.parameterLength < 10 || p + 10 + u16(b, p + 8) + 1 > end) {
            return truncated(b, part, part.parameterLength < 10 ? 10 : 11 + u16(b, p + 8), anomalies);
        }
        int argumentLength = u16(b, p + 8);
        List<String> blocks = blockList(b, p + 10, argumentLength);
        String argument = blocks.isEmpty() ? PrintableText.of(b, p + 10, argumentLength) : String.join(",", blocks);
        return new S7Message.PlcControl(counted(b, part, p + 10 + argumentLength, anomalies), argument, blocks);
    }

    /**
     * The argument of _INSE and _DELE: a block count, a reserved octet, then per block 8
     * characters (type, number, file system), returned as block file names {@code _0A00001P}.
     */
    private static List<String> blockList(byte[] b, int at, int length) {
        if (length < 2 + BLOCK_ID_LENGTH || length != 2 + BLOCK_ID_LENGTH * u8(b, at)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < u8(b, at); i++) {
            names.add("_" + PrintableText.of(b, at + 2 + i * BLOCK_ID_LENGTH, BLOCK_ID_LENGTH));
        }
        return names;
    }

    /** A one-octet length followed by that many characters, clipped to the parameter. */
    private static String counted(byte[] b, Part part, int at, List<Anomaly> anomalies) {
        int end = part.parameterAt + part.parameterLength;
        int length = u8(b, at);
        if (at + 1 + length > end) {
            anomalies.add(S7Error.PARAMETER_TRUNCATED.anomaly(
                    "name of " + length + " octets, " + (end - at - 1) + " present"));
        }
        return PrintableText.of(b, at + 1, Math.min(length, end - at - 1));
    }

    /** Jobs 0x1A..0x1D: function, status, 2 octets, 4-octet id, then the file name with its length. */
    private static Optional<String> fileName(byte[] b, S7Function function, Part part) {
        int p = part.parameterAt;
        if (function == S7Function.UPLOAD || function == S7Function.END_UPLOAD || part.parameterLength < 9) {
            return Optional.empty();
        }
        int length = Math.min(u8(b, p + 8), part.parameterLength - 9);
        return Optional.of(PrintableText.of(b, p + 9, length));
    }

    private static S7Message truncated(byte[] b, Part part, int needed, List<Anomaly> anomalies) {
        int code = u8(b, part.parameterAt);
        anomalies.add(S7Error.PARAMETER_TRUNCATED.anomaly(String.format(
                "function 0x%02X needs %d parameter octets, %d present", code, needed, part.parameterLength)));
        return new S7Message.OtherFunction(code);
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return Octets.u16be(b, at);
    }
}
