package io.isthmus.connect.sparkplug;

import java.util.Optional;

/** The Sparkplug B message types of edge nodes and devices (Sparkplug B 3.0, 4.1.1.3). */
public enum MessageType {
    NBIRTH,
    NDEATH,
    DBIRTH,
    DDEATH,
    NDATA,
    DDATA,
    NCMD,
    DCMD;

    public static Optional<MessageType> fromToken(String token) {
        for (MessageType t : values()) {
            if (t.name().equals(token)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether the topic of this type names a device after the edge node. */
    public boolean isDeviceLevel() {
        return this == DBIRTH || this == DDEATH || this == DDATA || this == DCMD;
    }
}
