package io.isthmus.connect.transfer.receive;

/**
 * Where the receiver puts what crossed the diode: the hub passes the historian and the event store;
 * tests pass a file or a list. {@link DiodeReceiver} calls it from a delivery thread of its own,
 * one call at a time, in order; a sink slower than the link fills the bounded hand-off, then the
 * socket buffer, and that shows as gaps.
 */
public interface TransferSink {
    /** A batch, complete and verified. Replays and a restarted sender can deliver a journal id again. */
    void deliver(Delivery delivery);

    /** An unrecoverable gap; {@link Gap#toEvent()} is the event to store. */
    void lost(Gap gap);
}
