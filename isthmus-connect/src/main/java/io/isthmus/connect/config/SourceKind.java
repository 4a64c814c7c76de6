package io.isthmus.connect.config;

import java.util.Arrays;

/** The protocol a source speaks. */
public enum SourceKind {
    /** Modbus/TCP with the MBAP header (Messaging on TCP/IP Implementation Guide V1.0b). */
    MODBUS_TCP("modbus-tcp"),
    /** Modbus RTU frames (address, PDU, CRC) carried unchanged over TCP by a serial gateway. */
    MODBUS_RTU_OVER_TCP("modbus-rtu-over-tcp");

    private final String token;

    SourceKind(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static SourceKind parse(String token) {
        return Arrays.stream(values())
                .filter(k -> k.token.equals(token))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown source kind '" + token + "'; expected modbus-tcp or modbus-rtu-over-tcp"));
    }
}
