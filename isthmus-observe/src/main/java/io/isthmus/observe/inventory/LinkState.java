package io.isthmus.observe.inventory;

import io.isthmus.model.AccessKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Traffic between a client asset and a server asset over one service; owned by {@link Inventory}. */
final class LinkState {
    static final int MAX_FUNCTIONS = 12;

    final AssetState client;
    final AssetState server;
    final Service service;
    final Set<AccessKind> access = EnumSet.noneOf(AccessKind.class);
    final Map<String, Long> functions = new LinkedHashMap<>();
    final Map<String, AccessKind> functionAccess = new LinkedHashMap<>();
    long requests;
    long responses;
    long packets;
    long bytes;
    long flows;
    long firstRequestNanos = -1;
    long lastRequestNanos = -1;
    long firstNanos;
    long lastNanos;

    LinkState(AssetState client, AssetState server, Service service, long at) {
        this.client = client;
        this.server = server;
        this.service = service;
        this.firstNanos = at;
        this.lastNanos = at;
    }

    void seen(long at) {
        firstNanos = Math.min(firstNanos, at);
        lastNanos = Math.max(lastNanos, at);
    }

    void request(AccessKind kind, String function, long at) {
        requests++;
        access.add(kind);
        if (firstRequestNanos < 0) {
            firstRequestNanos = at;
        }
        lastRequestNanos = Math.max(lastRequestNanos, at);
        Long n = functions.get(function);
        if (n != null) {
            functions.put(function, n + 1);
        } else if (functions.size() < MAX_FUNCTIONS) {
            functions.put(function, 1L);
            functionAccess.put(function, kind);
        }
    }

    /** Mean time between requests, -1 with fewer than three (one interval says nothing of a cycle). */
    long meanRequestIntervalNanos() {
        if (requests < 3 || lastRequestNanos <= firstRequestNanos) {
            return -1;
        }
        return (lastRequestNanos - firstRequestNanos) / (requests - 1);
    }
}
