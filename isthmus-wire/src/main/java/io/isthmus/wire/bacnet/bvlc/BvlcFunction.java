package io.isthmus.wire.bacnet.bvlc;

import io.isthmus.model.AccessKind;

/**
 * The BVLC functions of BACnet/IP (ASHRAE 135 Annex J.2, Table J-1), with whether an NPDU follows
 * and, for the ones that do not carry one, the access kind: changing a BBMD's broadcast or foreign
 * device table is a {@link AccessKind#WRITE} (it redirects broadcasts); registering as a foreign
 * device exists to take part in broadcast discovery from another subnet, so it is {@link
 * AccessKind#DISCOVERY}; reading the tables and the results are {@link AccessKind#DIAGNOSTIC}.
 */
public enum BvlcFunction {
    RESULT(0x00, "BVLC-Result", false, true, AccessKind.DIAGNOSTIC),
    WRITE_BROADCAST_DISTRIBUTION_TABLE(0x01, "Write-Broadcast-Distribution-Table", false, false, AccessKind.WRITE),
    READ_BROADCAST_DISTRIBUTION_TABLE(0x02, "Read-Broadcast-Distribution-Table", false, false, AccessKind.DIAGNOSTIC),
    READ_BROADCAST_DISTRIBUTION_TABLE_ACK(
            0x03, "Read-Broadcast-Distribution-Table-Ack", false, true, AccessKind.DIAGNOSTIC),
    FORWARDED_NPDU(0x04, "Forwarded-NPDU", true, false, AccessKind.DIAGNOSTIC),
    REGISTER_FOREIGN_DEVICE(0x05, "Register-Foreign-Device", false, false, AccessKind.DISCOVERY),
    READ_FOREIGN_DEVICE_TABLE(0x06, "Read-Foreign-Device-Table", false, false, AccessKind.DIAGNOSTIC),
    READ_FOREIGN_DEVICE_TABLE_ACK(0x07, "Read-Foreign-Device-Table-Ack", false, true, AccessKind.DIAGNOSTIC),
    DELETE_FOREIGN_DEVICE_TABLE_ENTRY(0x08, "Delete-Foreign-Device-Table-Entry", false, false, AccessKind.WRITE),
    DISTRIBUTE_BROADCAST_TO_NETWORK(0x09, "Distribute-Broadcast-To-Network", true, false, AccessKind.DIAGNOSTIC),
    ORIGINAL_UNICAST_NPDU(0x0A, "Original-Unicast-NPDU", true, false, AccessKind.DIAGNOSTIC),
    ORIGINAL_BROADCAST_NPDU(0x0B, "Original-Broadcast-NPDU", true, false, AccessKind.DIAGNOSTIC),
    /** BACnet/IP secure wrapper (135-2012 Annex J.2.12, later removed): opaque to a sensor. */
    SECURE_BVLL(0x0C, "Secure-BVLL", false, false, AccessKind.DIAGNOSTIC);

    private final int code;
    private final String specName;
    private final boolean carriesNpdu;
    private final boolean response;
    private final AccessKind access;

    BvlcFunction(int code, String specName, boolean carriesNpdu, boolean response, AccessKind access) {
        this.code = code;
        this.specName = specName;
        this.carriesNpdu = carriesNpdu;
        this.response = response;
        this.access = access;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    public boolean carriesNpdu() {
        return carriesNpdu;
    }

    /** Results and table acks answer a request. */
    public boolean response() {
        return response;
    }

    /** The access kind of a BVLL message that carries no NPDU. */
    public AccessKind access() {
        return access;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final BvlcFunction[] VALUES = values();

    public static java.util.Optional<BvlcFunction> of(int code) {
        return code >= 0 && code < VALUES.length ? FOUND.get(code) : java.util.Optional.empty();
    }

    /** {@link #of}'s answers, one per code: no {@code Optional} per datagram (perf14d). */
    private static final java.util.List<java.util.Optional<BvlcFunction>> FOUND =
            java.util.Arrays.stream(VALUES).map(java.util.Optional::of).toList();
}
