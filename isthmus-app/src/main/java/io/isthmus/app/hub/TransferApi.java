package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.ConsoleServer;
import io.javalin.Javalin;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/transfer}: the one-way transfer's receivers, for the console: per receiver its
 * site, address, epoch, last sequence, rate, batches, recovered fragments, the last lost ranges and
 * the last heartbeat. An empty list when the hub has no {@code receiver} section.
 */
final class TransferApi implements ConsoleServer.Routes {
    private final List<TransferReceiver> receivers;

    TransferApi(List<TransferReceiver> receivers) {
        this.receivers = List.copyOf(receivers);
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.get(
                "/api/transfer",
                ctx -> ctx.json(Map.of(
                        "receivers",
                        receivers.stream().map(TransferReceiver::json).toList())));
    }
}
