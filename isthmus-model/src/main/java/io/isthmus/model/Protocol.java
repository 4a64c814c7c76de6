package io.isthmus.model;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The OT protocols Isthmus decodes, by the stable id used in JSON, configuration and policy files.
 * Renaming a constant never changes its {@link #id()}.
 */
public enum Protocol {
    /** Modbus/TCP (Modbus Messaging on TCP/IP Implementation Guide V1.0b). */
    MODBUS("modbus", "Modbus/TCP", 502),
    /** Siemens S7comm over ISO-on-TCP (RFC 1006, TPKT/COTP). */
    S7COMM("s7comm", "S7comm", 102),
    /** Siemens S7comm-plus (S7-1200/1500) over ISO-on-TCP. */
    S7COMM_PLUS("s7commplus", "S7comm-plus", 102),
    /** EtherNet/IP with CIP (ODVA, Volume 2); explicit messaging port. */
    ENIP("enip", "EtherNet/IP", 44818),
    /** DNP3 over TCP (IEEE 1815). */
    DNP3("dnp3", "DNP3", 20000),
    /** OPC UA binary over TCP (IEC 62541-6). */
    OPC_UA("opcua", "OPC UA", 4840),
    /** BACnet/IP (ASHRAE 135 Annex J), UDP port 0xBAC0. */
    BACNET("bacnet", "BACnet/IP", 47808),
    /** IEC 60870-5-104. */
    IEC104("iec104", "IEC 60870-5-104", 2404),
    /** PROFINET Discovery and Configuration Protocol (IEC 61158-6-10), Ethernet type 0x8892: no port. */
    PN_DCP("pn_dcp", "PROFINET DCP", -1),
    /** MQTT 3.1.1 / 5.0 (OASIS), the unencrypted port. */
    MQTT("mqtt", "MQTT", 1883);

    private final String id;
    private final String displayName;
    /** Built once: callers ask per message and per flow (inventory, dissector selection). */
    private final OptionalInt wellKnownPort;

    Protocol(String id, String displayName, int port) {
        this.id = id;
        this.displayName = displayName;
        this.wellKnownPort = port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** The stable wire name, e.g. {@code "s7commplus"}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The IANA-registered server port, empty for protocols that run directly on Ethernet. */
    public OptionalInt wellKnownPort() {
        return wellKnownPort;
    }

    /** The protocol with this wire name; exact, lower case. */
    public static Protocol fromId(String id) {
        for (Protocol p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a protocol id; expected one of "
                + Arrays.stream(values()).map(Protocol::id).collect(Collectors.joining(", ")));
    }
}
