package io.isthmus.wire.bacnet.npdu;

import io.isthmus.wire.bacnet.encoding.OctetReader;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The network layer header (ASHRAE 135 clause 6.2): version 1, the control octet, optional
 * destination (DNET, DLEN, DADR, hop count) and source (SNET, SLEN, SADR) specifiers, and either a
 * network layer message or an APDU.
 *
 * @param priority the network priority, bits 1-0 of the control octet (clause 6.2.2): 0 normal, 1
 *     urgent, 2 critical equipment, 3 life safety
 * @param destinationAddress DADR in hex, empty for a broadcast (DLEN 0)
 * @param messageType a network layer message's type, empty when an APDU follows
 * @param vendorId for proprietary messages (0x80-0xFF), the vendor
 * @param payloadIndex absolute index of the APDU or of the network message's parameters
 * @param reservedBitsSet true when control bit 6 or 4 is set, which the standard forbids
 */
public record Npdu(
        int priority,
        boolean expectingReply,
        OptionalInt destinationNetwork,
        Optional<String> destinationAddress,
        OptionalInt hopCount,
        OptionalInt sourceNetwork,
        Optional<String> sourceAddress,
        OptionalInt messageType,
        OptionalInt vendorId,
        int payloadIndex,
        boolean reservedBitsSet) {

    public static final int VERSION = 1;

    private static final int NETWORK_MESSAGE = 0x80;
    private static final int DESTINATION = 0x20;
    private static final int SOURCE = 0x08;
    private static final int EXPECTING_REPLY = 0x04;
    private static final int RESERVED = 0x50;
    private static final int PROPRIETARY = 0x80;

    public boolean isNetworkMessage() {
        return messageType.isPresent();
    }

    /**
     * Reads an NPDU header; address lengths over {@code maxMacLength} or beyond the datagram, a
     * version other than 1 and an SLEN of 0 fail the reader.
     */
    public static Npdu read(OctetReader r, int maxMacLength) {
        int version = r.u8("NPDU version");
        if (version != VERSION && !r.failed()) {
            r.invalid("NPDU version", version);
        }
        int control = r.u8("NPDU control");
        OptionalInt dnet = OptionalInt.empty();
        Optional<String> dadr = Optional.empty();
        if ((control & DESTINATION) != 0) {
            dnet = number(r.u16("DNET"));
            dadr = address(r, "DLEN", maxMacLength, true);
        }
        OptionalInt snet = OptionalInt.empty();
        Optional<String> sadr = Optional.empty();
        if ((control & SOURCE) != 0) {
            snet = number(r.u16("SNET"));
            sadr = address(r, "SLEN", maxMacLength, false);
        }
        OptionalInt hops = (control & DESTINATION) != 0 ? number(r.u8("Hop Count")) : OptionalInt.empty();
        OptionalInt type = OptionalInt.empty();
        OptionalInt vendor = OptionalInt.empty();
        if ((control & NETWORK_MESSAGE) != 0) {
            int t = r.u8("Message Type");
            type = number(t);
            vendor = t >= PROPRIETARY ? number(r.u16("Vendor ID")) : OptionalInt.empty();
        }
        return new Npdu(
                control & 0x03,
                (control & EXPECTING_REPLY) != 0,
                dnet,
                dadr,
                hops,
                snet,
                sadr,
                type,
                vendor,
                r.index(),
                (control & RESERVED) != 0);
    }

    /**
     * Network numbers, hop counts and message types from 0 to 255, and the global broadcast network
     * 65535, one shared {@code OptionalInt} each: no allocation per routed datagram for these (perf14d).
     */
    private static final OptionalInt[] NUMBERS = numbers();

    private static final int GLOBAL_BROADCAST = 0xFFFF;

    private static OptionalInt number(int value) {
        if (value >= 0 && value < NUMBERS.length - 1) {
            return NUMBERS[value];
        }
        return value == GLOBAL_BROADCAST ? NUMBERS[NUMBERS.length - 1] : OptionalInt.of(value);
    }

    private static OptionalInt[] numbers() {
        OptionalInt[] out = new OptionalInt[257];
        for (int v = 0; v < 256; v++) {
            out[v] = OptionalInt.of(v);
        }
        out[256] = OptionalInt.of(GLOBAL_BROADCAST);
        return out;
    }

    /** The address text after a failure: the reader's failure is what the caller reports. */
    private static final Optional<String> NO_ADDRESS = Optional.of("");

    /**
     * DLEN/SLEN and the MAC address in hex (clause 6.2.2): DLEN 0 is a broadcast (empty text),
     * SLEN 0 is invalid.
     */
    private static Optional<String> address(
            OctetReader r, String lengthField, int maxMacLength, boolean broadcastAllowed) {
        int length = r.u8(lengthField);
        if (r.failed()) {
            return NO_ADDRESS;
        }
        if (length == 0 && !broadcastAllowed) {
            r.invalid(lengthField, 0);
            return NO_ADDRESS;
        }
        if (length > maxMacLength) {
            r.overLimit(lengthField, length, maxMacLength);
            return NO_ADDRESS;
        }
        return r.presentHex(length, lengthField.charAt(0) == 'D' ? "DADR" : "SADR");
    }
}
