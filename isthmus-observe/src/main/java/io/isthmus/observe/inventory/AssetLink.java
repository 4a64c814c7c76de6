package io.isthmus.observe.inventory;

import io.isthmus.model.AccessKind;
import io.isthmus.model.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Traffic from a client asset to a server asset over one service: what the network map draws as an
 * edge.
 *
 * @param access the access kinds of the requests (read, write, control, program...)
 * @param requests industrial requests seen (0 for services Isthmus does not dissect)
 * @param bytes transport payload bytes both ways, counted from flows that left the flow table
 * @param pollInterval mean time between requests, when there were at least three
 * @param functions request counts by function name, at most twelve names
 */
public record AssetLink(
        AssetId client,
        AssetId server,
        Service service,
        Set<AccessKind> access,
        long requests,
        long responses,
        long packets,
        long bytes,
        long flows,
        Optional<Duration> pollInterval,
        Map<String, Long> functions,
        Instant firstSeen,
        Instant lastSeen) {

    public AssetLink {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(service, "service");
        access = Set.copyOf(access);
        Objects.requireNonNull(pollInterval, "pollInterval");
        functions = Map.copyOf(functions);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
