package io.isthmus.connect.transfer.send;

/**
 * What the sender has done, for the console and the operator.
 *
 * @param epoch this sender session
 * @param lastSequence the last batch sequence sent
 * @param lastRecord the newest journal id forwarded
 * @param batches batches sent (replays included)
 * @param records journal records sent
 * @param payloadBytes record payload bytes sent
 * @param datagrams datagrams sent, copies and heartbeats included
 * @param wireBytes datagram bytes sent
 * @param oversizeRecords records too large for one batch, left out (see docs/transfer.md)
 * @param sendErrors datagrams the kernel refused twice (lost, like datagrams the link drops)
 * @param payloadBitsPerSecond payload rate since the sender started
 */
public record SenderStatus(
        long epoch,
        long lastSequence,
        long lastRecord,
        long batches,
        long records,
        long payloadBytes,
        long datagrams,
        long wireBytes,
        long oversizeRecords,
        long sendErrors,
        double payloadBitsPerSecond) {}
