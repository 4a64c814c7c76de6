package io.isthmus.wire.s7;

/**
 * Every size and count of the ISO-on-TCP stack (TPKT, COTP, S7comm, S7comm-plus) that the sender
 * controls, in one place. Decoders check each length read from the wire against these limits and
 * against the bytes actually present before they allocate anything; what they keep between
 * messages (COTP fragments, S7 userdata fragments) never exceeds them, so the memory one flow
 * direction can hold is about {@code maxCotpReassembly + maxUserdataReassembly} bytes.
 *
 * @param maxTpktLength largest TPKT length field accepted (RFC 1006 section 6: the length covers
 *     the 4-byte TPKT header; ISO 8073 section 13.3.4 b caps a class 0 TPDU at 8192 octets, so a
 *     well-formed TPKT is at most 8196 octets)
 * @param maxCotpFragments most DT TPDUs without the end-of-TSDU mark in a row (ISO 8073 section
 *     13.7.3: a TSDU may be split over several DTs); one more is an unterminated TSDU
 * @param maxCotpReassembly largest TSDU rebuilt from DT fragments, in octets
 * @param maxVarItems most items one Read Var or Write Var may carry (the item count is one octet;
 *     a 960-octet PDU, the largest S7-300/400 CPUs negotiate, holds at most 78 S7ANY items)
 * @param maxSzlRecords most SZL records decoded from one SZL response
 * @param maxUserdataFragments most userdata responses with "more data units follow" in a row
 * @param maxUserdataReassembly largest userdata payload rebuilt from data units, in octets
 * @param maxPlusFragments most S7comm-plus frames without a trailer in a row before the message is
 *     declared unterminated
 */
public record S7Limits(
        int maxTpktLength,
        int maxCotpFragments,
        int maxCotpReassembly,
        int maxVarItems,
        int maxSzlRecords,
        int maxUserdataFragments,
        int maxUserdataReassembly,
        int maxPlusFragments) {

    /** Smallest meaningful TPKT: 4 header octets and a 3-octet COTP DT header (RFC 1006 section 6). */
    public static final int MIN_TPKT_LENGTH = 7;

    /** The limits of the specifications, with room for the largest PDUs seen from real CPUs. */
    public static final S7Limits DEFAULT = new S7Limits(8196, 64, 65_536, 128, 256, 64, 65_536, 256);

    public S7Limits {
        requireRange("maxTpktLength", maxTpktLength, MIN_TPKT_LENGTH, 65_535);
        requireRange("maxCotpFragments", maxCotpFragments, 1, 1 << 16);
        requireRange("maxCotpReassembly", maxCotpReassembly, 1, 1 << 24);
        requireRange("maxVarItems", maxVarItems, 1, 255);
        requireRange("maxSzlRecords", maxSzlRecords, 1, 65_535);
        requireRange("maxUserdataFragments", maxUserdataFragments, 1, 1 << 16);
        requireRange("maxUserdataReassembly", maxUserdataReassembly, 1, 1 << 24);
        requireRange("maxPlusFragments", maxPlusFragments, 1, 1 << 16);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
