package io.isthmus.app.edge;

import io.isthmus.connect.transfer.send.SenderStatus;

/**
 * The sender side of the one-way transfer, for the edge's status port and the demo's health. Flat
 * numbers (zeros before the sender started) so that it serializes as plain JSON.
 *
 * @param destination where datagrams go (the receiver, or the diode's input)
 * @param state {@code starting}, {@code sending}, {@code restarting: <error>} or {@code stopped}
 * @param restarts how often the sender failed and was started again in a new epoch
 * @param epoch the running sender's session epoch (0 before it started)
 * @param lastSequence the last batch sequence sent in that epoch
 * @param lastRecord the newest journal id sent
 * @param sendErrors datagrams the kernel refused twice (lost like datagrams the link drops)
 * @param payloadBitsPerSecond payload rate since the sender started
 */
public record EdgeTransferStatus(
        String destination,
        long rateLimitBitsPerSecond,
        double fecOverhead,
        int redundancy,
        String state,
        long restarts,
        long epoch,
        long lastSequence,
        long lastRecord,
        long batches,
        long records,
        long payloadBytes,
        long datagrams,
        long sendErrors,
        long oversizeRecords,
        double payloadBitsPerSecond) {

    static EdgeTransferStatus of(
            String destination, long rate, double fec, int redundancy, String state, long restarts, SenderStatus s) {
        if (s == null) {
            return new EdgeTransferStatus(
                    destination, rate, fec, redundancy, state, restarts, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new EdgeTransferStatus(
                destination,
                rate,
                fec,
                redundancy,
                state,
                restarts,
                s.epoch(),
                s.lastSequence(),
                s.lastRecord(),
                s.batches(),
                s.records(),
                s.payloadBytes(),
                s.datagrams(),
                s.sendErrors(),
                s.oversizeRecords(),
                s.payloadBitsPerSecond());
    }
}
