package io.isthmus.observe.flow;

import java.util.BitSet;

/**
 * Which port numbers a server listens on, for telling client from server when a capture starts
 * mid-connection: the system ports (below 1024, RFC 6335 6) and the registered ports of the
 * industrial protocols Isthmus dissects or expects to meet.
 */
final class ServerPorts {
    private static final BitSet REGISTERED = new BitSet(65_536);

    static {
        int[] ports = {
            502, // Modbus/TCP
            102, // ISO-TSAP: S7comm, S7comm-plus, IEC 61850 MMS
            44818,
            2222, // EtherNet/IP explicit and implicit
            20000, // DNP3
            4840,
            4843, // OPC UA binary, over TLS
            2404, // IEC 60870-5-104
            47808, // BACnet/IP
            34962,
            34963,
            34964, // PROFINET
            1883,
            8883, // MQTT
            9600, // OMRON FINS
            5007,
            5006, // MELSEC
            48898, // Beckhoff ADS
            18245,
            18246, // GE SRTP
            1962, // PCWorx
            20547, // ProConOS
            789, // Red Lion Crimson
            4712,
            4713, // IEEE C37.118 synchrophasors
            5094 // HART-IP
        };
        for (int p : ports) {
            REGISTERED.set(p);
        }
    }

    private ServerPorts() {}

    static boolean isServerPort(int port) {
        return port < 1024 || REGISTERED.get(port);
    }

    /** Dynamic ports (RFC 6335 6: 49152 and up; Linux starts at 32768) are client ports. */
    static boolean isEphemeral(int port) {
        return port >= 32_768;
    }
}
