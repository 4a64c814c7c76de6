package io.isthmus.connect.sparkplug;

import java.nio.charset.StandardCharsets;

/**
 * The Host Application's STATE payload (Sparkplug B 3.0, 7.4.1): UTF-8 JSON {@code
 * {"online":true|false,"timestamp":<ms>}}, published retained with QoS 1. The birth, the will and
 * the graceful death of one connection carry the same timestamp, so an edge node can tell a late
 * will of an old connection from the current state.
 */
record HostState(boolean online, long timestamp) {
    byte[] json() {
        return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a STATE payload on our own topic says we are online (a minimal check, no JSON parser). */
    static boolean saysOnline(byte[] payload) {
        String s = new String(payload, StandardCharsets.UTF_8).replace(" ", "");
        return s.contains("\"online\":true");
    }
}
