package io.isthmus.wire.bacnet.bvlc;

import io.isthmus.wire.bacnet.encoding.OctetReader;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A BACnet/IP Virtual Link Layer message header (ASHRAE 135 Annex J.2): type 0x81, function and
 * the BVLC Length, which counts the whole message including these four octets.
 *
 * @param length the BVLC Length as sent
 * @param payloadIndex absolute index of what follows the BVLC fields (the NPDU for functions that
 *     carry one)
 * @param originatingAddress for Forwarded-NPDU, the B/IP address (IPv4 and UDP port) the message
 *     came from (J.2.5)
 * @param resultCode for BVLC-Result, the result code (J.2.1)
 * @param ttlSeconds for Register-Foreign-Device, the requested time-to-live (J.2.6)
 */
public record Bvll(
        BvlcFunction function,
        int length,
        int payloadIndex,
        Optional<String> originatingAddress,
        OptionalInt resultCode,
        OptionalInt ttlSeconds) {

    /** BVLC type for BACnet/IP (Annex J); 0x82 is BACnet/IPv6 (Annex U), not decoded here. */
    public static final int TYPE_BACNET_IP = 0x81;

    /** Octets of type, function and length. */
    public static final int HEADER = 4;

    /**
     * True for a BACnet/IP Original-Unicast-NPDU or Original-Broadcast-NPDU (J.2.11, J.2.12): the
     * NPDU follows the four header octets, there are no fixed fields, and {@link #read} would give
     * nothing but the function, the length and that index. Most datagrams are one of these; the
     * dissector reads them without a header object (perf14d).
     */
    public static boolean plainNpdu(int type, int functionCode) {
        return type == TYPE_BACNET_IP
                && (functionCode == BvlcFunction.ORIGINAL_UNICAST_NPDU.code()
                        || functionCode == BvlcFunction.ORIGINAL_BROADCAST_NPDU.code());
    }

    /**
     * Reads the header and the function's fixed fields. The reader's window must end at the BVLC
     * Length (the caller has checked it against the datagram).
     */
    public static Bvll read(OctetReader r, int type, int functionCode, int length) {
        Optional<BvlcFunction> function = BvlcFunction.of(functionCode);
        if (type != TYPE_BACNET_IP) {
            r.invalid("BVLC Type", type);
        }
        if (function.isEmpty()) {
            r.invalid("BVLC Function", functionCode);
            return new Bvll(
                    BvlcFunction.RESULT, length, r.index(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
        }
        BvlcFunction f = function.get();
        Optional<String> origin = f == BvlcFunction.FORWARDED_NPDU ? Optional.of(address(r)) : Optional.empty();
        OptionalInt result = f == BvlcFunction.RESULT ? OptionalInt.of(r.u16("Result Code")) : OptionalInt.empty();
        OptionalInt ttl =
                f == BvlcFunction.REGISTER_FOREIGN_DEVICE ? OptionalInt.of(r.u16("Time-to-Live")) : OptionalInt.empty();
        return new Bvll(f, length, r.index(), origin, result, ttl);
    }

    private static String address(OctetReader r) {
        int a = r.u8("B/IP address");
        int b = r.u8("B/IP address");
        int c = r.u8("B/IP address");
        int d = r.u8("B/IP address");
        int port = r.u16("B/IP port");
        return a + "." + b + "." + c + "." + d + ":" + port;
    }
}
