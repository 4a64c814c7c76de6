package io.isthmus.connect.transfer.receive;

/**
 * Where the receiver puts what crossed the diode: the hub passes the historian and the event store;
 * tests pass a file or a list. Called from the receiver's thread, one call at a time; a slow sink
 * slows the receiver, whose socket buffer then overflows, and that shows as gaps.
 */
public interface TransferSink {
    /** A batch, complete and verified. Replays and a restarted sender can deliver a journal id again. */
    void deliver(Delivery delivery);

    /** An unrecoverable gap; {@link Gap#toEvent()} is the event to store. */
    void lost(Gap gap);
}
