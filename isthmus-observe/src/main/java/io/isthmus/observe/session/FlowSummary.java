package io.isthmus.observe.session;

import io.isthmus.model.Protocol;
import io.isthmus.observe.flow.Flow;
import io.isthmus.observe.flow.FlowKey;
import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.IpAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A flow as it left the flow table, with the industrial protocol the session layer found in it (if
 * any): what inventory needs to see hosts that speak no industrial protocol (IT hosts) and what the
 * network map draws as traffic volume.
 *
 * @param transport 6 for TCP, 17 for UDP
 * @param clientMac the client's MAC in the low 48 bits, -1 when the link has none
 * @param serverMac the server's MAC, -1 when the link has none
 * @param protocol the industrial protocol identified, empty when none was
 * @param bytesToServer transport payload bytes from client to server
 */
public record FlowSummary(
        FlowKey key,
        int transport,
        IpAddress client,
        IpAddress server,
        int clientPort,
        int serverPort,
        long clientMac,
        long serverMac,
        Optional<Protocol> protocol,
        long firstNanos,
        long lastNanos,
        long packetsToServer,
        long packetsToClient,
        long bytesToServer,
        long bytesToClient) {

    /**
     * The flow sink of callers that want no summaries: given it, the session layer makes none (one
     * record per flow, most of them short, saved when nobody reads them). Compared by identity.
     */
    public static final Consumer<FlowSummary> NONE = f -> {};

    /** The flow's summary; {@code client} and {@code server} are its addresses, passed in to share them. */
    static FlowSummary of(Flow f, Optional<Protocol> protocol, IpAddress client, IpAddress server) {
        return new FlowSummary(
                f.key(),
                f.protocol(),
                client,
                server,
                f.clientPort(),
                f.serverPort(),
                f.clientMac(),
                f.serverMac(),
                protocol,
                f.firstSeenNanos(),
                f.lastSeenNanos(),
                f.packets(Direction.REQUEST),
                f.packets(Direction.RESPONSE),
                f.bytes(Direction.REQUEST),
                f.bytes(Direction.RESPONSE));
    }
}
